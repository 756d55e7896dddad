import { findings } from '$lib/assessment/findings';
import { disclose } from '$lib/assessment/privacy';
import { TRAIT_IDS } from '$lib/assessment/types';
import { getVersion } from '$lib/assessment/versions';
import { getLocale } from '$lib/paraglide/runtime';
import { requirePair } from '$lib/server/access';
import { pairRoundResults, sideComments } from '$lib/server/results';
import { isOpen } from '$lib/server/rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { project, pair } = requirePair(event);
	const min = project.minGroupSize;
	// Stored aggregates only, each disclosed under the project's smallest group size.
	const rounds = pairRoundResults(pair.id).map((r) => ({ ...r, open: isOpen(r.round), ...disclose(r.result, min) }));
	const asked = Number(event.url.searchParams.get('round'));
	const chosen = rounds.find((r) => r.round.number === asked) ?? rounds.at(-1);
	const base = { project: { id: project.id, name: project.name, minGroupSize: min }, pair };
	if (!chosen) return { ...base, rounds: [], chosen: null, history: null };

	const locale = getLocale();
	const version = getVersion(chosen.round.questionnaireVersion)!;
	const { score, hidden } = chosen;
	const traitNames = Object.fromEntries(version.traits.map((t) => [t.id, t.name[locale]]));
	// Findings on the full score, then only those about groups that may be shown.
	const shownFindings = findings(chosen.result).filter((f) => {
		if ('scope' in f) return !hidden[f.scope];
		if (f.kind === 'one_side_only') return true;
		return !hidden.municipality && !hidden.association;
	});
	const pairTraits = score.pair ? TRAIT_IDS.filter((t) => score.pair!.traits[t].mean !== null) : [];
	const weakest = [...pairTraits].sort((a, b) => score.pair!.traits[a].mean! - score.pair!.traits[b].mean!).slice(0, 2);

	// Movement up to the chosen round: rounds compare by step numbers and trait ids, whatever their versions.
	const upTo = rounds.filter((r) => r.round.number <= chosen.round.number);
	const first = upTo[0];
	const previous = upTo.at(-2);
	const pairTrait = (r: (typeof rounds)[number] | undefined, t: (typeof TRAIT_IDS)[number]) => r?.score.pair?.traits[t].mean ?? null;

	return {
		...base,
		rounds: rounds.map((r) => ({ number: r.round.number, open: r.open })),
		chosen: {
			number: chosen.round.number,
			open: chosen.open,
			questionnaireVersion: chosen.round.questionnaireVersion,
			score,
			raw: { municipality: chosen.result.sides.municipality?.respondents ?? 0, association: chosen.result.sides.association?.respondents ?? 0 },
			hidden,
			findings: shownFindings,
			weakest,
			traitNames,
			steps: version.steps.map((s) => ({ step: s.step, name: s.name[locale], description: s.description[locale] })),
			comments: {
				municipality: hidden.municipality ? [] : sideComments(chosen.round.id, 'municipality', version.comment.id),
				association: hidden.association ? [] : sideComments(chosen.round.id, 'association', version.comment.id)
			}
		},
		history: {
			rounds: upTo.map((r) => r.round.number),
			steps: {
				municipality: upTo.map((r) => r.score.sides.municipality?.evidence.step ?? null),
				association: upTo.map((r) => r.score.sides.association?.evidence.step ?? null),
				pair: upTo.map((r) => r.score.pair?.evidence.step ?? null)
			},
			traits: TRAIT_IDS.map((t) => ({
				id: t,
				now: pairTrait(chosen, t),
				previous: previous ? pairTrait(previous, t) : null,
				first: upTo.length > 1 ? pairTrait(first, t) : null
			})),
			previousNumber: previous?.round.number ?? null,
			firstNumber: upTo.length > 1 ? first.round.number : null
		}
	};
};
