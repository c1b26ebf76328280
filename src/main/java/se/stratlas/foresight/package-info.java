/**
 * Foresight (omvärldsanalys): environmental scanning items (trends, events, regulation,
 * inquiries, rulings, media) with their expected effect, and workshops with a SWOT that
 * several facilitators edit at once; both linked to strategy elements, so that a
 * follow-up cycle's omvärldsbevakning can use them.
 * <p>
 * API: {@link se.stratlas.foresight.Scanning}, {@link se.stratlas.foresight.Workshops},
 * {@link se.stratlas.foresight.SwotBoard}, {@link se.stratlas.foresight.Scenarios},
 * {@link se.stratlas.foresight.Dialogues}, the elements to link to
 * ({@link se.stratlas.foresight.ForesightChoices}), the exports
 * ({@link se.stratlas.foresight.ForesightExports}), what each screen shows
 * ({@link se.stratlas.foresight.ForesightPages}) and the records they use.
 */
@ApplicationModule(allowedDependencies = { "shared", "audit", "accounts", "strategy", "areas" })
package se.stratlas.foresight;

import org.springframework.modulith.ApplicationModule;
