import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/plugin';
import { readUpload, sendDocx } from '../../platform/import';
import { invitationsDocx } from './conferences-documents';
import * as checkin from './conferences-checkin';
import { importRoster } from './conferences-roster';
import * as s from './conferences.schemas';
import * as service from './conferences.service';

const tags = ['conferences'];

/**
 * A bridge point's roster and check-in, under /api/v1/conferences/:id/bridges/:bridgeId (registered by
 * conferences.routes.ts): its people, the check-in by QR token or from the list, the roster import and the
 * invitations with their QR codes.
 */
export const checkinRoutes: FastifyPluginAsyncZod<{ deps: service.ConferenceDeps }> = async (app, { deps }) => {
  const { db } = deps;
  app.get(
    '/:id/bridges/:bridgeId/attendees',
    {
      schema: {
        tags,
        summary: 'Danh sách đại biểu của điểm cầu; tìm theo tên không dấu',
        params: s.bridgeParams,
        querystring: s.listAttendeesQuery,
        response: { 200: s.listAttendeesResponse },
      },
    },
    async (request) =>
      checkin.listAttendees(deps, actorOf(request), request.params.id, request.params.bridgeId, request.query),
  );
  app.post(
    '/:id/bridges/:bridgeId/attendees',
    {
      schema: {
        tags,
        summary: 'Thêm đại biểu; isWalkIn: người đến trực tiếp, điểm danh luôn',
        params: s.bridgeParams,
        body: s.attendeeBody,
        response: { 201: s.attendeeSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await checkin.addAttendee(deps, actorOf(request), request.params.id, request.params.bridgeId, request.body),
        ),
  );
  app.patch(
    '/:id/bridges/:bridgeId/attendees/:attendeeId',
    {
      schema: {
        tags,
        summary: 'Sửa đại biểu (kèm version)',
        params: s.attendeeParams,
        body: s.updateAttendeeBody,
        response: { 200: s.attendeeSchema },
      },
    },
    async (request) =>
      checkin.updateAttendee(
        deps,
        actorOf(request),
        request.params.id,
        request.params.bridgeId,
        request.params.attendeeId,
        request.body,
      ),
  );
  app.delete(
    '/:id/bridges/:bridgeId/attendees/:attendeeId',
    { schema: { tags, summary: 'Bỏ đại biểu khỏi danh sách', params: s.attendeeParams } },
    async (request, reply) => {
      const { id, bridgeId, attendeeId } = request.params;
      await checkin.deleteAttendee(deps, actorOf(request), id, bridgeId, attendeeId);
      return reply.status(204).send();
    },
  );
  app.post(
    '/:id/bridges/:bridgeId/check-in',
    {
      schema: {
        tags,
        summary: 'Điểm danh bằng mã QR trên giấy mời',
        params: s.bridgeParams,
        body: s.checkInTokenBody,
        response: { 200: s.checkInResponse },
      },
    },
    async (request) =>
      checkin.checkIn(deps, actorOf(request), request.params.id, request.params.bridgeId, {
        token: request.body.token,
      }),
  );
  app.post(
    '/:id/bridges/:bridgeId/attendees/:attendeeId/check-in',
    {
      schema: {
        tags,
        summary: 'Điểm danh một đại biểu (sau khi tìm theo tên)',
        params: s.attendeeParams,
        response: { 200: s.checkInResponse },
      },
    },
    async (request) =>
      checkin.checkIn(deps, actorOf(request), request.params.id, request.params.bridgeId, {
        attendeeId: request.params.attendeeId,
      }),
  );
  app.delete(
    '/:id/bridges/:bridgeId/attendees/:attendeeId/check-in',
    {
      schema: { tags, summary: 'Hủy điểm danh', params: s.attendeeParams, response: { 200: s.attendeeSchema } },
    },
    async (request) =>
      checkin.undoCheckIn(
        deps,
        actorOf(request),
        request.params.id,
        request.params.bridgeId,
        request.params.attendeeId,
      ),
  );
  app.post(
    '/:id/bridges/:bridgeId/roster/import',
    {
      schema: {
        tags,
        summary: 'Nhập danh sách đại biểu từ XLSX/CSV (tất cả hoặc không; dryRun=true để kiểm tra)',
        params: s.bridgeParams,
        querystring: s.importQuery,
        response: { 200: s.importResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await service.bridgeAccess(db, actor, request.params.id, request.params.bridgeId, 'editor');
      const upload = await readUpload(request);
      return importRoster(deps, actor, request.params.id, request.params.bridgeId, upload, {
        dryRun: request.query.dryRun === 'true',
      });
    },
  );
  app.get(
    '/:id/bridges/:bridgeId/invitations.docx',
    { schema: { tags, summary: 'Giấy mời có mã QR của mọi đại biểu điểm cầu (DOCX)', params: s.bridgeParams } },
    async (request, reply) => {
      const doc = await invitationsDocx(deps, actorOf(request), request.params.id, request.params.bridgeId);
      return sendDocx(reply, doc);
    },
  );
};
