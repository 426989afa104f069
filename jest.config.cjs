/** ts-jest transpiles only; `npm run typecheck` does the type checking once for the whole tree. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", jsx: "react-jsx", esModuleInterop: true, isolatedModules: true } }],
  },
  testTimeout: 30000,
  reporters: ["default", "<rootDir>/test/summary-reporter.cjs"],
};
