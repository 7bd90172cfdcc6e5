/** What the server's /uploads and /files routes need from this module (exported by the package index). */
export { inspectUpload } from './inspect';
export { asciiFileName, sanitiseFileName } from './rules/file-name';
export { verifyFileSignature } from './rules/link-signature';
export { fileForDownload } from './service';
export { claimUploadIntent, recordUploadedVersion } from './upload';
