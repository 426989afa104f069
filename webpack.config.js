/* eslint-disable no-undef, @typescript-eslint/no-require-imports */
/**
 * Builds the task pane (taskpane.html + office-entry), the ribbon commands (when src/commands/commands.ts exists),
 * and the browser preview. The catalogue and the preview's .xlsx reader are lazy chunks.
 *
 *   webpack --mode production                 → dist/ (manifest URLs rewritten to urlProd)
 *   webpack serve --mode development          → https://localhost:3000 with office-addin-dev-certs (npm run dev-server)
 *   webpack serve --mode development --env preview   → http://localhost:3001/preview.html (npm run preview)
 *   --env only=preview --env outDir=DIR       → just the preview, into DIR (end-to-end tests)
 */
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const urlDev = "https://localhost:3000/";
const urlProd = "https://www.contoso.com/"; // the production host, when there is one

async function httpsOptions() {
  // Loaded lazily: only `npm start`/`dev-server` need certificates; the preview and builds must not.
  const devCerts = require("office-addin-dev-certs");
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const preview = Boolean(env.preview);
  const only = env.only ? String(env.only).split(",") : null;
  const wanted = (name) => !only || only.includes(name);
  const hasCommands = fs.existsSync(path.resolve(__dirname, "src/commands/commands.ts"));
  const hasCommandsHtml = fs.existsSync(path.resolve(__dirname, "src/commands/commands.html"));

  const entry = {};
  const pages = [];
  if (wanted("taskpane")) {
    entry.taskpane = "./src/taskpane/office-entry.tsx";
    pages.push(new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }));
  }
  if (wanted("commands") && hasCommands) {
    entry.commands = "./src/commands/commands.ts";
    if (hasCommandsHtml)
      pages.push(new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }));
  }
  if (wanted("preview")) {
    entry.preview = "./src/preview/preview-entry.tsx";
    pages.push(new HtmlWebpackPlugin({ filename: "preview.html", template: "./src/preview/preview.html", chunks: ["preview"] }));
  }

  return {
    mode: dev ? "development" : "production",
    // No eval-based source maps: the pane's Content-Security-Policy forbids eval.
    devtool: "source-map",
    entry,
    output: {
      path: env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // exceljs' browser build for the preview's "open .xlsx"; the CLI conversion it reuses names node modules
      // only in functions the preview never calls.
      alias: { exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js") },
      fallback: { fs: false, path: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { noEmit: false, module: "esnext", sourceMap: true } },
          },
        },
        { test: /\.xlsx$/, type: "asset/inline" },
      ],
      // exceljs.min.js is a prebuilt bundle: nothing for webpack to resolve inside it.
      noParse: /exceljs\.min\.js$/,
    },
    plugins: [
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, "");
      }),
      ...pages,
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]", noErrorOnMissing: true },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            noErrorOnMissing: true,
            transform: (content) => (dev ? content : content.toString().replaceAll(urlDev, urlProd)),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: preview
      ? {
          port: 3001,
          host: "localhost",
          server: "http",
          static: false,
          open: false,
          client: { overlay: { warnings: false } },
          devMiddleware: { index: "preview.html" },
        }
      : {
          port: 3000,
          server: { type: "https", options: env.WEBPACK_BUNDLE ? undefined : await httpsOptions() },
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
        },
  };
};
