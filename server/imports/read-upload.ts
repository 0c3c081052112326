import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { z } from 'zod';
import { AppError } from '../errors';
import { fileTooLarge, importLimits } from './import-limits';
import { type DelimiterName, delimiters } from './read-csv';

export interface Upload {
  fileName: string;
  bytes: Buffer;
  delimiter?: DelimiterName;
}

const delimiterField = z.enum([...(Object.keys(delimiters) as DelimiterName[]), 'auto']);
const fileNameField = z.string().trim().min(1).max(200);
const badForm = (field: string, message: string) => new AppError('validation_failed', 'The upload is not a valid import form', [{ field, message }]);

/**
 * The multipart form of an import (a `file` part, optionally a `delimiter` field), streamed
 * through busboy: the file is held only up to the limit, and a larger one is refused with 413
 * the moment it passes it, without reading the rest.
 */
export function readUpload(request: Request): Promise<Upload> {
  const type = request.headers.get('content-type') ?? '';
  if (!request.body) return Promise.reject(badForm('file', 'no body'));
  const body = request.body;
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': type }, limits: { fileSize: importLimits.fileBytes, files: 1, fields: 4, parts: 5, fieldSize: 1024 } });
    } catch (error) {
      reject(badForm('header.content-type', (error as Error).message));
      return;
    }
    const source = Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
    let file: { fileName: string; bytes: Buffer } | undefined;
    let delimiter: string | undefined;
    let failed = false;
    const fail = (error: AppError) => {
      if (failed) return;
      failed = true;
      source.unpipe(parser);
      source.destroy();
      reject(error);
    };
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        stream.resume();
        return fail(badForm(name, 'unknown part; send the file as "file"'));
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(fileTooLarge()));
      stream.on('end', () => {
        file = { fileName: info.filename ?? '', bytes: Buffer.concat(chunks) };
      });
    });
    parser.on('field', (name, value) => {
      if (name === 'delimiter') delimiter = value;
      else fail(badForm(name, 'unknown field'));
    });
    parser.on('filesLimit', () => fail(badForm('file', 'send one file')));
    parser.on('partsLimit', () => fail(badForm('body', 'too many parts')));
    parser.on('error', (error: Error) => fail(badForm('body', error.message)));
    parser.on('close', () => {
      if (failed) return;
      if (!file) return reject(badForm('file', 'no file part'));
      const fileName = fileNameField.safeParse(file.fileName);
      if (!fileName.success) return reject(badForm('file', 'the file needs a name of 1 to 200 characters'));
      const chosen = delimiterField.safeParse(delimiter ?? 'auto');
      if (!chosen.success) return reject(badForm('delimiter', 'one of semicolon, comma, tab, auto'));
      resolve({ fileName: fileName.data, bytes: file.bytes, delimiter: chosen.data === 'auto' ? undefined : chosen.data });
    });
    source.on('error', (error) => fail(badForm('body', error.message)));
    source.pipe(parser);
  });
}
