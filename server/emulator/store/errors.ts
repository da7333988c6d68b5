/**
 * Salesforce error shapes. A RequestError fails a whole request (`[{message, errorCode, fields}]`
 * with an HTTP status); a DmlError fails one record (`{statusCode, message, fields}` inside a
 * per-record result, or the whole request for single-record routes).
 */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
  }

  body(): Array<{ message: string; errorCode: string; fields: string[] }> {
    return [{ message: this.message, errorCode: this.errorCode, fields: this.fields }];
  }
}

export class DmlError extends Error {
  constructor(
    readonly statusCode: string,
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
  }

  result(): { statusCode: string; message: string; fields: string[] } {
    return { statusCode: this.statusCode, message: this.message, fields: this.fields };
  }

  toRequestError(status = 400): RequestError {
    return new RequestError(status, this.statusCode, this.message, this.fields);
  }
}
