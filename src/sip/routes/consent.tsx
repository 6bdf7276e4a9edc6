import { Type } from 'typebox';
import { todayFor } from '../../platform/clock.ts';
import { accessContext } from '../../platform/http/access-context.ts';
import { UserError } from '../../platform/http/errors.ts';
import { sendPage } from '../../platform/http/render.ts';
import { Id } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { pageContext } from '../../platform/layout/page-context.ts';
import { sipTexts } from '../i18n/index.ts';
import { consentErrors } from '../messages.ts';
import { consentForm, extendConsent, recordConsent, withdrawConsent } from '../service/consent.ts';
import { isSocialServices } from '../service/scope.ts';
import { ConsentPage } from '../views/consent.tsx';
import { afterWrite, choices, csrf, html, ids, page, pageQuery, sipParams, text } from './shared.tsx';

/**
 * The family's consent: recorded before anything is shared, withdrawable at once.
 */
export async function sipConsentRoutes(app: App): Promise<void> {
  const consentBody = Type.Object({
    givenOn: text(20),
    validUntil: text(20),
    guardianIds: ids(20),
    guardiansNote: text(2000),
    childsView: text(20),
    childsViewNote: text(4000),
    organisationIds: ids(50),
    informationKinds: choices(10),
    ...csrf,
  });

  app.get(
    '/sips/:id/consent',
    { ...page, schema: { params: sipParams, querystring: pageQuery, response: html } },
    async (request, reply) => {
      const form = await consentForm(app.db, accessContext(request), request.params.id);
      return sendPage(
        reply,
        <ConsentPage
          ctx={pageContext(request)}
          sipId={request.params.id}
          today={todayFor(app.config)}
          {...form}
        />,
      );
    },
  );

  app.post(
    '/sips/:id/consent',
    { ...page, schema: { params: sipParams, body: consentBody } },
    async (request, reply) => {
      const outcome = await recordConsent(app.db, accessContext(request), request.params.id, request.body);
      if (outcome.ok)
        return reply.redirect(`/sips/${request.params.id}?notice=consentSaved#consent-heading`, 303);
      const form = await consentForm(app.db, accessContext(request), request.params.id);
      return sendPage(
        reply,
        <ConsentPage
          ctx={pageContext(request)}
          sipId={request.params.id}
          today={todayFor(app.config)}
          {...form}
          errors={consentErrors(outcome.errors, request.lang)}
          values={request.body}
        />,
        400,
      );
    },
  );

  // A party invited after the consent: the family agreed to it too, and the consent is extended.
  app.post(
    '/sips/:id/consent/extend',
    { ...page, schema: { params: sipParams, body: Type.Object({ organisationId: Id, ...csrf }) } },
    async (request, reply) => {
      const outcome = await extendConsent(
        app.db,
        accessContext(request),
        request.params.id,
        request.body.organisationId,
      );
      if (outcome.ok)
        return reply.redirect(`/sips/${request.params.id}?notice=consentSaved#consent-heading`, 303);
      throw new UserError(400, 'notParticipant', (lang) => sipTexts(lang).fieldErrors.notParticipant);
    },
  );

  app.post(
    '/sips/:id/consent/withdraw',
    { ...page, schema: { params: sipParams, body: Type.Object({ withdrawalNote: text(2000), ...csrf }) } },
    async (request, reply) => {
      const outcome = await withdrawConsent(
        app.db,
        accessContext(request),
        request.params.id,
        request.body.withdrawalNote ?? '',
      );
      // A partner who recorded the withdrawal can no longer open the plan: back to their list.
      if (outcome.ok && !isSocialServices(request.actor))
        return reply.redirect('/sips?notice=consentWithdrawn', 303);
      return afterWrite(request, reply, request.params.id, outcome, 'consentWithdrawn', '#consent-heading');
    },
  );
}
