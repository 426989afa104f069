/** webpack inlines the sample workbook as a data: URL (asset/inline). */
declare module "*.xlsx" {
  const url: string;
  export default url;
}
