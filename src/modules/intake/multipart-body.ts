import busboy from '@fastify/busboy';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { AppError } from '../../shared/app-error.ts';
import type { UploadedFile } from './public-form.ts';

/** Where the parsed files of a multipart body sit, beside the text fields. */
export const filesKey = '__files';

export type MultipartBody = Record<string, string | string[] | UploadedFile[]>;

export function filesOf(body: unknown): UploadedFile[] {
  const files = (body as Record<string, unknown> | null)?.[filesKey];
  return Array.isArray(files) ? (files as UploadedFile[]) : [];
}

/**
 * Parses multipart bodies completely before validation, into text fields plus buffered files, so that the
 * CSRF check sees the form's `_csrf` field like any other. A file is read up to the size limit and marked
 * as truncated beyond it; the caller rejects it before anything is stored.
 */
export function installMultipartBody(scope: FastifyInstance, limits: { fileBytes: number; files: number }): void {
  if (scope.hasContentTypeParser('multipart/form-data')) scope.removeContentTypeParser('multipart/form-data');
  scope.addContentTypeParser('multipart/form-data', (request: FastifyRequest, payload: IncomingMessage, done: (error: Error | null, body?: unknown) => void) => {
    const body: MultipartBody = {};
    const files: UploadedFile[] = [];
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      done(error);
    };
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({ headers: request.headers as Parameters<typeof busboy>[0]["headers"], limits: { fileSize: limits.fileBytes, files: limits.files + 1, fields: 200, fieldSize: 64 * 1024, parts: 300 } });
    } catch {
      return fail(new AppError('malformed_request', 'The form could not be read.'));
    }
    parser.on('field', (name: string, value: string) => {
      if (name === filesKey) return;
      const existing = body[name];
      if (existing === undefined) body[name] = value;
      else if (Array.isArray(existing)) (existing as string[]).push(value);
      else body[name] = [existing as string, value];
    });
    parser.on('file', (_field: string, stream: NodeJS.ReadableStream & { truncated?: boolean }, filename: string, _encoding: string, mimeType: string) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        // An empty file input still sends a part without a name: that is "no file", not a file.
        if (!filename && chunks.length === 0) return;
        files.push({ name: filename || 'file', contentType: (mimeType || 'application/octet-stream').toLowerCase(), data: Buffer.concat(chunks), truncated: Boolean(stream.truncated) });
      });
    });
    parser.on('filesLimit', () => files.push({ name: 'file', contentType: 'application/octet-stream', data: Buffer.alloc(0), truncated: false }));
    parser.on('error', () => fail(new AppError('malformed_request', 'The form could not be read.')));
    parser.on('finish', () => {
      if (failed) return;
      body[filesKey] = files;
      done(null, body);
    });
    payload.on('error', () => fail(new AppError('malformed_request', 'The upload was interrupted.')));
    payload.pipe(parser);
  });
}
