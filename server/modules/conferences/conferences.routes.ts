import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { registerDocumentOwner } from '../../platform/documents';
import { sendDocx, sendXlsx } from '../../platform/import';
import { ConferenceHub } from './conferences-events';
import {
  attendanceDocx,
  attendanceXlsx,
  getAttendanceDraft,
  getNewsDraft,
  newsDocx,
  saveAttendanceText,
  saveNewsText,
} from './conferences-documents';
import { rosterTemplate } from './conferences-roster';
import { categoriesRoutes } from './conferences-categories';
import * as s from './conferences.schemas';
import * as bridges from './conferences-bridges';
import { checkinRoutes } from './conferences-checkin.routes';
import * as service from './conferences.service';

const tags = ['conferences'];

/** Everything of the conferences module under /api/v1/conferences and /api/v1/conference-categories. */
export const conferencesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (api, { ctx }) => {
  const { db } = ctx.database;
  const hub = new ConferenceHub(ctx.database, api.log);
  await hub.start();
  // Streams never end by themselves: end them before the server waits for open requests.
  api.addHook('preClose', async () => hub.close());
  api.addHook('onClose', async () => hub.close());
  const deps: service.ConferenceDeps = { db, hub, config: ctx.config };

  registerDocumentOwner('conference', {
    label: 'hội nghị',
    resolveUnit: async (d, entityId) =>
      (await d.selectFrom('conference').select('unit_id').where('id', '=', entityId).executeTakeFirst())?.unit_id,
    // Documents for all bridges: whoever sees the conference reads them.
    isVisible: async (d, actor, entityId) =>
      service.conferenceAccess(d, actor, entityId).then(
        () => true,
        () => false,
      ),
  });
  registerDocumentOwner('conference_agenda_item', {
    label: 'mục chương trình hội nghị',
    resolveUnit: async (d, entityId) =>
      (
        await d
          .selectFrom('conference_agenda_item as a')
          .innerJoin('conference as c', 'c.id', 'a.conference_id')
          .select('c.unit_id')
          .where('a.id', '=', entityId)
          .executeTakeFirst()
      )?.unit_id,
    isVisible: async (d, actor, entityId) => {
      const item = await d
        .selectFrom('conference_agenda_item')
        .select('conference_id')
        .where('id', '=', entityId)
        .executeTakeFirst();
      return item
        ? service.conferenceAccess(d, actor, item.conference_id).then(
            () => true,
            () => false,
          )
        : false;
    },
  });

  await api.register(categoriesRoutes, { ctx, prefix: '/conference-categories' });

  await api.register(
    async (plain) => {
      const app = plain.withTypeProvider<ZodTypeProvider>();
      app.get(
        '/',
        {
          schema: {
            tags,
            summary: 'Hội nghị mình tổ chức hoặc có điểm cầu trong phạm vi',
            querystring: s.listConferencesQuery,
            response: { 200: s.listConferencesResponse },
          },
        },
        async (request) => service.listConferences(db, actorOf(request), request.query),
      );
      app.post(
        '/',
        {
          schema: {
            tags,
            summary: 'Tạo hội nghị (nhập liệu trở lên của đơn vị tổ chức)',
            body: s.createConferenceBody,
            response: { 201: s.conferenceDetailSchema },
          },
        },
        async (request, reply) =>
          reply.status(201).send(await service.createConference(deps, actorOf(request), request.body)),
      );
      app.get(
        '/roster-template',
        { schema: { tags, summary: 'Tệp mẫu danh sách đại biểu (XLSX)' } },
        async (_request, reply) => sendXlsx(reply, await rosterTemplate(db)),
      );
      app.get(
        '/:id',
        {
          schema: {
            tags,
            summary: 'Một hội nghị: chương trình, tài liệu, phòng họp, điểm cầu của mình, quyền thao tác',
            params: s.conferenceIdParams,
            response: { 200: s.conferenceDetailSchema },
          },
        },
        async (request) => service.getConference(deps, actorOf(request), request.params.id),
      );
      app.patch(
        '/:id',
        {
          schema: {
            tags,
            summary: 'Sửa hội nghị, biên bản, kết luận (kèm version; 409 nêu những gì đã đổi)',
            params: s.conferenceIdParams,
            body: s.updateConferenceBody,
            response: { 200: s.conferenceDetailSchema },
          },
        },
        async (request) => service.updateConference(deps, actorOf(request), request.params.id, request.body),
      );
      app.delete(
        '/:id',
        { schema: { tags, summary: 'Xóa hội nghị (quản lý của đơn vị tổ chức)', params: s.conferenceIdParams } },
        async (request, reply) => {
          await service.deleteConference(deps, actorOf(request), request.params.id);
          return reply.status(204).send();
        },
      );
      app.post(
        '/:id/agenda',
        {
          schema: {
            tags,
            summary: 'Thêm mục chương trình',
            params: s.conferenceIdParams,
            body: s.agendaItemBody,
            response: { 201: s.conferenceDetailSchema },
          },
        },
        async (request, reply) =>
          reply.status(201).send(await service.addAgendaItem(deps, actorOf(request), request.params.id, request.body)),
      );
      app.patch(
        '/:id/agenda/:itemId',
        {
          schema: {
            tags,
            summary: 'Sửa mục chương trình',
            params: s.agendaParams,
            body: s.updateAgendaItemBody,
            response: { 200: s.conferenceDetailSchema },
          },
        },
        async (request) =>
          service.updateAgendaItem(deps, actorOf(request), request.params.id, request.params.itemId, request.body),
      );
      app.delete(
        '/:id/agenda/:itemId',
        {
          schema: {
            tags,
            summary: 'Bỏ mục chương trình',
            params: s.agendaParams,
            response: { 200: s.conferenceDetailSchema },
          },
        },
        async (request) => service.deleteAgendaItem(deps, actorOf(request), request.params.id, request.params.itemId),
      );

      // Bridge points
      app.get(
        '/:id/bridges',
        {
          schema: {
            tags,
            summary: 'Các điểm cầu (đơn vị tổ chức: tất cả; cán bộ điểm cầu: của mình)',
            params: s.conferenceIdParams,
            response: { 200: s.listBridgesResponse },
          },
        },
        async (request) => bridges.listBridges(deps, actorOf(request), request.params.id),
      );
      app.post(
        '/:id/bridges',
        {
          schema: {
            tags,
            summary: 'Mời đơn vị làm điểm cầu: từng đơn vị, hoặc mọi đơn vị loại … trực thuộc … vào ngày hội nghị',
            params: s.conferenceIdParams,
            body: s.inviteBody,
            response: { 200: s.inviteResponse },
          },
        },
        async (request) => bridges.inviteBridges(deps, actorOf(request), request.params.id, request.body),
      );
      app.get(
        '/:id/bridges/:bridgeId',
        {
          schema: {
            tags,
            summary: 'Một điểm cầu với diễn biến trạng thái',
            params: s.bridgeParams,
            response: { 200: s.bridgeDetailSchema },
          },
        },
        async (request) => bridges.getBridge(deps, actorOf(request), request.params.id, request.params.bridgeId),
      );
      app.patch(
        '/:id/bridges/:bridgeId',
        {
          schema: {
            tags,
            summary: 'Sửa địa điểm, người liên hệ, số dự kiến của điểm cầu',
            params: s.bridgeParams,
            body: s.updateBridgeBody,
            response: { 200: s.bridgeDetailSchema },
          },
        },
        async (request) =>
          bridges.updateBridge(deps, actorOf(request), request.params.id, request.params.bridgeId, request.body),
      );
      app.delete(
        '/:id/bridges/:bridgeId',
        { schema: { tags, summary: 'Bỏ điểm cầu khỏi hội nghị (chưa có ai điểm danh)', params: s.bridgeParams } },
        async (request, reply) => {
          await bridges.removeBridge(deps, actorOf(request), request.params.id, request.params.bridgeId);
          return reply.status(204).send();
        },
      );
      app.post(
        '/:id/bridges/:bridgeId/status',
        {
          schema: {
            tags,
            summary: 'Đổi trạng thái điểm cầu (đã đăng ký, đã thử, đang kết nối, sự cố, mất kết nối)',
            params: s.bridgeParams,
            body: s.statusBody,
            response: { 200: s.bridgeDetailSchema },
          },
        },
        async (request) =>
          bridges.setBridgeStatus(deps, actorOf(request), request.params.id, request.params.bridgeId, request.body),
      );
      app.put(
        '/:id/bridges/:bridgeId/head-count',
        {
          schema: {
            tags,
            summary: 'Số người đếm được tại hội trường (null để bỏ)',
            params: s.bridgeParams,
            body: s.headCountBody,
            response: { 200: s.bridgeDetailSchema },
          },
        },
        async (request) =>
          bridges.setHeadCount(deps, actorOf(request), request.params.id, request.params.bridgeId, request.body),
      );

      // Roster and check-in: conferences-checkin.routes.ts
      await app.register(checkinRoutes, { deps });

      app.get(
        '/:id/bridges/:bridgeId/attendance-text',
        {
          schema: {
            tags,
            summary: 'Đoạn thành phần tham dự của điểm cầu (dự thảo hoặc đã sửa)',
            params: s.bridgeParams,
            response: { 200: s.draftResponse },
          },
        },
        async (request) => getAttendanceDraft(deps, actorOf(request), request.params.id, request.params.bridgeId),
      );
      app.put(
        '/:id/bridges/:bridgeId/attendance-text',
        {
          schema: {
            tags,
            summary: 'Lưu đoạn thành phần tham dự đã sửa (null: trở về bản dự thảo)',
            params: s.bridgeParams,
            body: s.textBody,
            response: { 200: s.draftResponse },
          },
        },
        async (request) =>
          saveAttendanceText(deps, actorOf(request), request.params.id, request.params.bridgeId, request.body),
      );
      app.get(
        '/:id/bridges/:bridgeId/attendance-text.docx',
        { schema: { tags, summary: 'Đoạn thành phần tham dự (DOCX)', params: s.bridgeParams } },
        async (request, reply) =>
          sendDocx(reply, await attendanceDocx(deps, actorOf(request), request.params.id, request.params.bridgeId)),
      );

      // Afterwards
      app.get(
        '/:id/news',
        {
          schema: {
            tags,
            summary: 'Tin bài về hội nghị (dự thảo hoặc đã sửa)',
            params: s.conferenceIdParams,
            response: { 200: s.draftResponse },
          },
        },
        async (request) => getNewsDraft(deps, actorOf(request), request.params.id),
      );
      app.put(
        '/:id/news',
        {
          schema: {
            tags,
            summary: 'Lưu tin bài đã sửa (null: trở về bản dự thảo)',
            params: s.conferenceIdParams,
            body: s.textBody,
            response: { 200: s.draftResponse },
          },
        },
        async (request) => saveNewsText(deps, actorOf(request), request.params.id, request.body),
      );
      app.get(
        '/:id/news.docx',
        { schema: { tags, summary: 'Tin bài (DOCX)', params: s.conferenceIdParams } },
        async (request, reply) => sendDocx(reply, await newsDocx(deps, actorOf(request), request.params.id)),
      );
      app.get(
        '/:id/attendance.xlsx',
        {
          schema: {
            tags,
            summary: 'Số người tham dự theo điểm cầu và tổng cộng, danh sách điểm danh (XLSX)',
            params: s.conferenceIdParams,
          },
        },
        async (request, reply) => sendXlsx(reply, await attendanceXlsx(deps, actorOf(request), request.params.id)),
      );

      // The live board
      app.get(
        '/:id/board',
        {
          schema: {
            tags,
            summary: 'Bảng theo dõi: mọi điểm cầu (sự cố lên đầu), tổng số điểm cầu kết nối, người có mặt/dự kiến',
            params: s.conferenceIdParams,
            response: { 200: s.boardResponse },
          },
        },
        async (request) => service.getBoard(deps, actorOf(request), request.params.id, hub.lastId(request.params.id)),
      );
      app.get(
        '/:id/events',
        {
          schema: {
            tags,
            summary:
              'Luồng sự kiện (Server-Sent Events) của bảng theo dõi: "snapshot" rồi "board"; nối lại với Last-Event-ID',
            params: s.conferenceIdParams,
            querystring: z.object({ lastEventId: z.string().max(100).optional() }),
          },
        },
        async (request, reply) => {
          const actor = actorOf(request);
          const id = request.params.id;
          const { title } = await service.assertCanWatch(db, actor, id);
          const header = request.headers['last-event-id'];
          const lastEventId = typeof header === 'string' && header ? header : request.query.lastEventId;
          reply.hijack();
          const res = reply.raw;
          res.writeHead(200, {
            'content-type': 'text/event-stream; charset=utf-8',
            'cache-control': 'no-store',
            connection: 'keep-alive',
            'x-accel-buffering': 'no',
          });
          res.write('retry: 2000\n\n');
          const viewer = hub.subscribe(id, res);
          request.raw.on('close', () => viewer.close());
          try {
            const replay = lastEventId ? hub.replayAfter(id, lastEventId) : undefined;
            if (replay) {
              viewer.ready(replay);
            } else {
              // Viewers (re)connecting together share one read of the board.
              const board = await hub.shared(`board:${id}`, () => service.loadBoard(db, id, title, hub.lastId(id)));
              viewer.ready([`id: ${board.lastEventId}\nevent: snapshot\ndata: ${JSON.stringify(board)}\n\n`]);
            }
          } catch (error) {
            request.log.error({ err: error }, 'board snapshot failed');
            viewer.close();
            res.end();
          }
        },
      );
    },
    { prefix: '/conferences' },
  );
};
