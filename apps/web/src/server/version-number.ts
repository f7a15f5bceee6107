import { ApiError } from './api-error';

/** Reads a version number from a URL segment: a positive integer, else 400. */
export function parseVersionNumber(segment: string): number {
  const number = /^[1-9][0-9]{0,8}$/.test(segment) ? Number(segment) : Number.NaN;
  if (Number.isNaN(number)) {
    throw new ApiError(400, 'invalid_request', `"${segment}" is not a version number; use a positive integer.`);
  }
  return number;
}
