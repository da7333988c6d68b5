/**
 * One warning, through the service's own log, when requests come through a proxy the service
 * was not told about: they carry X-Forwarded-For while QUORUM_TRUST_PROXY is unset, so every
 * client shares the proxy's address and its rate-limit bucket. (express-rate-limit's own check
 * prints a stack trace to stderr instead, outside the JSON log; the app turns it off.)
 */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../log';

export const UNTRUSTED_PROXY_WARNING =
  "Requests arrive through a proxy (they carry X-Forwarded-For) but QUORUM_TRUST_PROXY is not set: every client shares the proxy's address and one rate-limit bucket. Set QUORUM_TRUST_PROXY to the number of proxies in front of the service (e.g. 1) or their addresses.";

export function warnOfUntrustedProxy(
  logger: Logger,
  trusted: boolean,
): (req: Request, res: Response, next: NextFunction) => void {
  let warned = trusted;
  return (req, _res, next) => {
    if (!warned && req.headers['x-forwarded-for'] !== undefined) {
      warned = true;
      logger.warn(UNTRUSTED_PROXY_WARNING);
    }
    next();
  };
}
