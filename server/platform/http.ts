import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorDetail } from '../../common/errors';
import { AppError } from './errors';

const CONTEXT_LABEL: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

function validationDetails(error: FastifyError): ErrorDetail[] {
  if (!hasZodFastifySchemaValidationErrors(error)) {
    return [{ path: error.validationContext ?? 'request', message: error.message }];
  }
  const prefix = CONTEXT_LABEL[error.validationContext ?? 'body'] ?? 'body';
  return error.validation.map((issue) => {
    const field = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    return { path: field ? `${prefix}.${field}` : prefix, message: issue.message ?? 'Không hợp lệ' };
  });
}

function send(reply: FastifyReply, request: FastifyRequest, status: number, body: Omit<ErrorBody, 'requestId'>) {
  return reply.status(status).send({ ...body, requestId: request.id });
}

/** The one error handler: every error body is `{ code, message, details?, requestId }`; a 5xx shows no internals. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return send(reply, request, error.status, { code: error.code, message: error.message, details: error.details });
    }
    if (error.validation) {
      const details = validationDetails(error);
      return send(reply, request, 400, {
        code: 'VALIDATION_FAILED',
        message: `Dữ liệu không hợp lệ: ${details.map((d) => `${d.path} — ${d.message}`).join('; ')}`,
        details,
      });
    }
    if (error.statusCode === 429) {
      return send(reply, request, 429, { code: 'RATE_LIMITED', message: 'Quá nhiều yêu cầu, vui lòng thử lại sau.' });
    }
    if (error.statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') {
      return send(reply, request, 413, { code: 'VALIDATION_FAILED', message: 'Tệp hoặc nội dung gửi lên quá lớn.' });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error)) {
      return send(reply, request, error.statusCode, {
        code: 'VALIDATION_FAILED',
        message: `Yêu cầu không hợp lệ: ${error.message}`,
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 500, {
      code: 'INTERNAL',
      message: 'Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.',
    });
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, request, 404, { code: 'NOT_FOUND', message: `Không có đường dẫn ${request.method} ${request.url}.` }),
  );
}

/**
 * Refuses state-changing requests sent from another origin (with SameSite=Lax cookies this closes CSRF):
 * the Origin header, when a browser sends one, must name this host.
 */
export function registerOriginCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      return;
    }
    const origin = request.headers.origin;
    const fetchSite = request.headers['sec-fetch-site'];
    if (origin) {
      let host: string | undefined;
      try {
        host = new URL(origin).host;
      } catch {
        host = undefined;
      }
      if (host !== request.headers.host) {
        throw new AppError('FORBIDDEN', 'Yêu cầu từ trang khác bị từ chối.');
      }
    } else if (fetchSite === 'cross-site') {
      throw new AppError('FORBIDDEN', 'Yêu cầu từ trang khác bị từ chối.');
    }
  });
}
