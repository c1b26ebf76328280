package se.stratlas.demo.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.stereotype.Component;

import se.stratlas.accounts.Role;
import se.stratlas.followup.Cycle;
import se.stratlas.learning.Judgement;
import se.stratlas.learning.LearningJournal;
import se.stratlas.learning.LearningPages;
import se.stratlas.learning.LearningView;
import se.stratlas.learning.Proposal;
import se.stratlas.learning.RevisionProposals;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyElement;

/**
 * The demo's strategic learning for RUS priorities 2 and 5: assessments, lessons and
 * revision proposals drawn from what Resultat Västerbotten 2023 (seed 001) says works and
 * what does not. They are the demo's reading of the report, not Region Västerbotten's,
 * and are labelled so; one proposal is decided and applied to a new RUS draft version.
 */
@Component
class DemoLearning {

	static final String NOTE = "Demo: demons läsning av Resultat Västerbotten 2023 – vad rapporten säger fungerar och inte. Bedömningar, lärdomar och förslag är inte Region Västerbottens egna.";

	private final StrategyCatalog strategies;

	private final LearningPages pages;

	private final LearningJournal journal;

	private final RevisionProposals proposals;

	DemoLearning(StrategyCatalog strategies, LearningPages pages, LearningJournal journal,
			RevisionProposals proposals) {
		this.strategies = strategies;
		this.pages = pages;
		this.journal = journal;
		this.proposals = proposals;
	}

	/** Whether the demo's learning is there already. */
	boolean loaded(long organisationId, long rusId) {
		return !this.proposals.forStrategy(organisationId, rusId).isEmpty();
	}

	void load(long organisationId, long rusId) {
		DemoFollowup.Actor strategist = new DemoFollowup.Actor(organisationId, "sara.strateg", Role.STRATEGIST);
		DemoFollowup.Actor administrator = new DemoFollowup.Actor(organisationId, "anna.admin", Role.ADMINISTRATOR);
		List<StrategyElement> elements = this.strategies.elements(organisationId,
				this.strategies.latestVersion(organisationId, rusId).id());
		StrategyElement p2 = priority(elements, "2");
		StrategyElement p5 = priority(elements, "5");
		LearningView two = this.pages.view(strategist, p2.id(), null);
		LearningView five = this.pages.view(strategist, p5.id(), null);
		Cycle cycle = two.cycle();
		if (cycle == null) {
			return;
		}
		this.journal.assess(strategist, p2.key(), cycle.id(), Judgement.PARTLY,
				"Företagsstöden och exportsamverkan är i gång: 75 mnkr i regionala företagsstöd 2023–2025, riktat stöd "
						+ "till kvinnor och personer födda utanför Norden. Men livsmedelsstrategin började ta fram "
						+ "indikatorer först 2023, så effekterna går ännu inte att följa.",
				null, NOTE);
		this.journal.assess(strategist, p5.key(), cycle.id(), Judgement.OFF_TRACK,
				"Inga nya projekt beviljades inom prioritering 5 under 2023, och inriktningen Föregångare i omställning "
						+ "är tom i prioriteringens redovisning. Det som finns (HLT i alla kommuner, folkhälsodialogerna) "
						+ "bärs av verksamheter vars stöd upphör.",
				null, NOTE);
		this.journal.addLesson(strategist, p2.key(), cycle.id(),
				"Skogsprogrammet har haft en stabil verksamhet i fem år men den statliga finansieringen har upphört: "
						+ "samverkan bär, finansieringen gör det inte.",
				cite(two, "skog"), NOTE);
		this.journal.addLesson(strategist, p2.key(), cycle.id(),
				"Exportvärdesanalysen har indikatorer som gör det möjligt att följa jämställdhet och jämföra kommuner "
						+ "och branscher; prioriteringen kan följas med dem i stället för med aktiviteter.",
				cite(two, "export"), NOTE);
		this.journal.addLesson(strategist, p5.key(), cycle.id(),
				"HLT (hälsa, lärande och trygghet) är infört i alla länets kommuner: samverkan mellan skola, "
						+ "socialtjänst och hälsocentral når ut när den byggs kring familjecentralerna.",
				cite(five, "hälsa, lärande"), NOTE);
		Proposal omstallning = this.proposals.propose(strategist, new Proposal.Draft(p5.key(), cycle.id(),
				Proposal.Kind.ADD_CHILD, "Omställningen i vård och omsorg får en egen delprioritering",
				"Hållbar omställning i vård och omsorg",
				"Demons förslag: klimat- och miljöomställning i vård, hälsa och social omsorg.",
				ElementType.SUB_PRIORITY, null, null, null, null,
				"Inriktningen Föregångare i omställning är tom i prioritering 5 i Resultat Västerbotten 2023; "
						+ "utan en delprioritering som bär den följs den inte upp.",
				cite(five, "medellivslängd")), NOTE);
		Proposal prepared = this.proposals.prepare(strategist, omstallning.id(), omstallning.version());
		this.proposals.decide(administrator, prepared.id(), prepared.version(),
				"Demo: beslutat att arbeta in förslaget i utkastet till reviderad RUS.");
		Proposal wording = this.proposals.propose(strategist, new Proposal.Draft(p2.key(), cycle.id(),
				Proposal.Kind.WORDING, "Jämställt och jämlikt företagande i prioriteringens lydelse", null,
				"Demons förslag: en region med platsbaserad, hållbar och jämställd näringslivsutveckling där "
						+ "kvinnor och personer födda utanför Norden driver och utvecklar företag i samma grad som andra.",
				null, null, null, null, null,
				"Företagsstöden riktas redan till kvinnor och personer födda utanför Norden; lydelsen säger det inte, "
						+ "så uppföljningen frågar inte efter det.",
				cite(two, "förvärvsarbetande")), NOTE);
		this.proposals.prepare(strategist, wording.id(), wording.version());
		this.proposals.propose(strategist, new Proposal.Draft(p5.key(), cycle.id(), Proposal.Kind.WORDING,
				"Folkhälsodata i alla kommuner som en del av prioriteringen", null,
				"Demons förslag: en hälsofrämjande region där folkhälsodialoger med utgångspunkt i folkhälsodata "
						+ "förs i alla länets kommuner.",
				null, null, null, null, null,
				"Länsstyrelsens stöduppdrag för Forum för folkhälsa upphör 2024; utan att prioriteringen nämner "
						+ "dialogerna har ingen ansvaret för att de fortsätter.",
				List.of()), NOTE);
	}

	private static StrategyElement priority(List<StrategyElement> elements, String code) {
		return elements.stream()
			.filter(e -> e.type() == ElementType.PRIORITY && Objects.equals(code, e.code()))
			.findFirst()
			.orElseThrow();
	}

	/** The evidence on the page whose label contains the words, at most two. */
	private static List<String> cite(LearningView view, String words) {
		return view.evidenceChoices()
			.stream()
			.filter(c -> c.label().toLowerCase(Locale.ROOT).contains(words))
			.limit(2)
			.map(LearningView.Choice::token)
			.toList();
	}

}
