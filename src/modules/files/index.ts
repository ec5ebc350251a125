export { storeFile, openFile, toFileView, allowedContentTypes, fileStorageFor, safeFileName, type FileView, type StoreFileInput, type FileDeps } from './files.service.ts';
export { listFilesOfCase, listFilesOfReport, moveReportFilesToCase, type FileRow } from './files.repository.ts';
