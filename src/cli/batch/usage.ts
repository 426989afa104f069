/** The --help section on several files, folders, shards and merge (appended to the single-file usage). */
export const BATCH_USAGE = `
多个文件与文件夹 / Several files and folders:
  npm run --silent check -- a.xlsx b.xlsx 文件夹/ [options]
                           文件夹递归查找 .xlsx（跳过 ~$ 临时文件和隐藏文件），按路径排序，逐个检查并做跨工作簿核对
                           folders are searched for .xlsx (lock and hidden files skipped), sorted by path, each file
                           checked, then the cross-workbook rules (部门 = Σ 单位, 决算 against 预算)
  -j, --jobs N             并行检查的线程数（默认 CPU 核数）/ worker threads (default: the number of cores)
      --shard K/N          只检查排序后第 K 份（第 i 个文件属于第 (i mod N)+1 份）；跨工作簿核对留给 merge
                           check only share K of N of the sorted list (file i goes to share (i mod N)+1); the
                           cross-workbook rules run in merge. Every shard must be given the same inputs.
      --summary csv|FILE.csv
                           每个文件一行的汇总表（单位、年度、预算/决算、部门/单位、表数、错误、警告、提示、状态）：
                           csv 时代替报告输出到 stdout，给出文件名时另存 / one row per file: on stdout instead of
                           the report, or written to FILE.csv as well
      --units MAP.csv      单位工作簿与所属部门的对照表（两列：单位工作簿,部门工作簿或部门名称）
                           unit workbook → department (two columns), where the unit lines do not say
  merge A.json B.json …    合并各分片的 --format json 输出，结果与一次检查全部文件相同
                           merges the shards' --format json outputs into the result of one run over all files
  json 输出 / json output: { "files": [{ file, tables, findings } | { file, error }], "findings": [跨工作簿 / cross-workbook] }
  退出码 / exit codes: 2 有文件无法读取 / a file could not be read; 1 有错误 / error findings; 0 其他 / otherwise
`;
