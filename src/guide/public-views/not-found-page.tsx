import { type GuideContext, GuideLayout, guideHref } from './layout.tsx';

// --- Pages without a municipality or entry -----------------------------------------------------------

export function GuideNotFoundPage({ ctx, message }: { ctx: GuideContext; message?: string }) {
  const { m } = ctx;
  return (
    <GuideLayout ctx={ctx} title={m.notFound.title}>
      <h1>{m.notFound.title}</h1>
      <p class="lead">{message ?? m.notFound.text}</p>
      <p>
        <a href={guideHref(ctx, ctx.lang)}>{m.notFound.back}</a>
      </p>
    </GuideLayout>
  );
}
