/** Bearer-token check for the HTTP API, in constant time (no timing oracle on the token). */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from './errors';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function tokenMatches(presented: string, expected: string): boolean {
  // Hashing first gives equal-length buffers, so the comparison never leaks the length.
  return timingSafeEqual(digest(presented), digest(expected));
}

/** Accepts any of the given tokens (each compared in constant time, all of them every time). */
export function requireBearer(expected: string | readonly string[]) {
  const tokens = typeof expected === 'string' ? [expected] : expected;
  return (req: Request, _res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    const presented = match?.[1].trim() ?? '';
    const ok = tokens.map((t) => tokenMatches(presented, t)).some(Boolean);
    if (!match || !ok) {
      next(
        new HttpError(
          401,
          'unauthorized',
          'Send the service token as "Authorization: Bearer <QUORUM_API_TOKEN>".',
        ),
      );
      return;
    }
    next();
  };
}
