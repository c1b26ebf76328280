package se.stratlas.initiatives.web;

import org.springframework.ui.Model;

import se.stratlas.initiatives.InitiativeChoices;
import se.stratlas.initiatives.Kinds.FundingSource;
import se.stratlas.initiatives.Kinds.InitiativeType;
import se.stratlas.initiatives.Kinds.Status;

/** The filter choices the initiative list and the portfolio share, put in the model. */
final class FilterChoices {

	private FilterChoices() {
	}

	/** What the filters of the initiative list and the portfolio offer. */
	static void filters(InitiativeChoices.Filters filters, Model model) {
		model.addAttribute("types", InitiativeType.values());
		model.addAttribute("statuses", Status.values());
		model.addAttribute("sources", FundingSource.values());
		model.addAttribute("priorities", filters.priorities());
		model.addAttribute("municipalities", filters.municipalities());
		model.addAttribute("unitNames", filters.unitNames());
	}

}
