import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { accessContext } from '../../platform/http/access-context.ts';
import { requireSignedInPage } from '../../platform/http/guards.ts';
import { sendPage } from '../../platform/http/render.ts';
import { Id, Line, OptionalText } from '../../platform/http/schemas.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import type { FieldErrors } from '../../platform/layout/forms.tsx';
import { pageContext } from '../../platform/layout/page-context.ts';
import type { ContentFieldError } from '../domain/content.ts';
import { sipTexts } from '../i18n/index.ts';
import { contentErrors } from '../messages.ts';
import { readSip } from '../service/read.ts';
import { SipPage } from '../views/plan-page.tsx';
import type { Values } from '../views/shared.tsx';

export const text = OptionalText;
export const ids = (maxItems: number) => Type.Optional(Type.Array(Id, { maxItems }));
export const choices = (maxItems: number) => Type.Optional(Type.Array(Line(60), { maxItems }));
export const uuid = Id;
export const html = { 200: Type.String() };
export const csrf = { _csrf: text(200) };
export const page = { preHandler: requireSignedInPage, config: { personalData: true } };
export const sipParams = Type.Object({ id: uuid });
export const pageQuery = Type.Object({ notice: text(40), lang: text(5), close: text(5) });

export const notices = (lang: Lang): Record<string, string> => {
  const tx = sipTexts(lang);
  return {
    started: tx.started,
    alreadyOpen: tx.alreadyOpen,
    saved: tx.saved,
    invited: tx.invited,
    consentSaved: tx.consentSaved,
    consentWithdrawn: tx.consentWithdrawn,
    agreed: tx.agreed,
    nowActive: tx.nowActive,
    statusSaved: tx.statusSaved,
    followUpSaved: tx.followUpSaved,
    closed: tx.closed,
    revised: tx.revised,
    requestAccepted: tx.requestAccepted,
    requestClosed: tx.requestClosed,
    requestSent: tx.requestSent,
  };
};

/** The notice a page shows after a step (?notice=…), in the user's language. */
export const noticeOf = (request: FastifyRequest, notice: string | undefined) =>
  notice ? notices(request.lang)[notice] : undefined;

/** The plan's page, with the errors and values of a failed step or the notice of a done one. */
export async function showPlan(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  extra: { errors?: FieldErrors; values?: Values; notice?: string | undefined },
  status = 200,
) {
  const sections = request.server.features.contributions('sipSections');
  const view = await readSip(request.server.db, accessContext(request), id, 'read', sections);
  return sendPage(reply, <SipPage ctx={pageContext(request)} view={view} {...extra} />, status);
}

/** After a write: back to the plan with a notice, or the plan again with the errors. */
export async function afterWrite(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  outcome: { ok: true } | { ok: false; errors: readonly ContentFieldError[] },
  notice: string,
  anchor = '',
) {
  if (outcome.ok) return reply.redirect(`/sips/${id}?notice=${notice}${anchor}`, 303);
  return showPlan(
    request,
    reply,
    id,
    { errors: contentErrors(outcome.errors, request.lang), values: request.body as Values },
    400,
  );
}
