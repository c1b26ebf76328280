package se.stratlas.initiatives.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.areas.Areas;
import se.stratlas.initiatives.InitiativeChoices;
import se.stratlas.initiatives.Kinds.FundingSource;
import se.stratlas.initiatives.Kinds.InitiativeType;
import se.stratlas.initiatives.Kinds.Status;

/** The filter choices the initiative list and the portfolio share. */
@Component
class FilterChoices {

	private final InitiativeChoices choices;

	private final Areas areas;

	private final OrganisationUnits units;

	FilterChoices(InitiativeChoices choices, Areas areas, OrganisationUnits units) {
		this.choices = choices;
		this.areas = areas;
		this.units = units;
	}

	/** What the filters of the initiative list and the portfolio offer. */
	void filters(long organisationId, Model model) {
		model.addAttribute("types", InitiativeType.values());
		model.addAttribute("statuses", Status.values());
		model.addAttribute("sources", FundingSource.values());
		model.addAttribute("priorities", this.choices.priorities(organisationId));
		model.addAttribute("municipalities", this.areas.municipalities());
		model.addAttribute("unitNames", this.units.names(organisationId));
	}

}
