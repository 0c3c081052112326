import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/** exceljs is large (≈20 MB resident): loaded the first time a workbook is read or written, not at start. */
export function loadExcelJs(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((module) => module.default);
  return loading;
}
