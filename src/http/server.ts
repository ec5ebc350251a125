import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppContext } from '../app-context.ts';
import { installAuth } from '../modules/auth/index.ts';
import { AppError } from '../shared/app-error.ts';
import { errorBody, installErrorHandler } from './error-handler.ts';
import { registerRoutes } from './routes.ts';
import { installSecurityHeaders } from './security-headers.ts';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function buildServer(ctx: AppContext): Promise<App> {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    bodyLimit: ctx.config.BODY_LIMIT_BYTES,
    trustProxy: ctx.config.TRUST_PROXY,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    request.log = request.log.child({}, { serializers: { req: (req: IncomingMessage) => ({ method: req.method, path: (req.url ?? '').split('?')[0] }) } });
  });

  installErrorHandler(app);
  installSecurityHeaders(app, { hsts: ctx.config.secureCookies });

  await app.register(cookie);
  installAuth(app, ctx);
  await app.register(formbody, { bodyLimit: ctx.config.BODY_LIMIT_BYTES });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Breachdesk API', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'bd_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await registerRoutes(app, ctx);

  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (request.method === 'GET' && hasWeb && !url.startsWith('/api/') && !path.extname(url)) {
      // The single-page app owns every other path; it renders its own "not found".
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.status(404).send(errorBody(new AppError('not_found', 'There is nothing at this address.')));
  });
  return app;
}
