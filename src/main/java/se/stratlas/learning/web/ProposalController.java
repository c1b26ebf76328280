package se.stratlas.learning.web;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.learning.LearningPages;
import se.stratlas.learning.Proposal;
import se.stratlas.learning.RevisionProposals;
import se.stratlas.strategy.ElementType;

/**
 * Revision proposals on an element's learning page: propose, prepare, decide (applied to
 * the strategy's draft version) and reject.
 */
@Controller
class ProposalController {

	/** The proposal form; which fields count depends on the kind. */
	record ProposalForm(Long cycleId, Proposal.Kind kind, String title, String nameSv, String descriptionSv,
			ElementType childType, Long indicatorId, String targetComparator, Double targetValue, String targetDeadline,
			String motivation, List<String> evidence) implements Serializable {
	}

	/** A step of a proposal: the version seen and the decision's note. */
	record StepForm(Integer version, String note, Long cycleId) implements Serializable {
	}

	private final LearningPages pages;

	private final RevisionProposals proposals;

	private final MessageSource messages;

	ProposalController(LearningPages pages, RevisionProposals proposals, MessageSource messages) {
		this.pages = pages;
		this.proposals = proposals;
		this.messages = messages;
	}

	@PostMapping("/learning/elements/{id}/proposals")
	@PreAuthorize("hasRole('STRATEGIST')")
	String propose(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute ProposalForm form, Locale locale, RedirectAttributes redirect) {
		return LearningController.Forms.attempt(this.messages, locale, redirect, "proposal", form,
				LearningController.back(id, form.cycleId(), "proposals"), () -> {
					this.proposals.proposeFor(user, id,
							new Proposal.Draft(null, form.cycleId(), form.kind(), form.title(), form.nameSv(),
									form.descriptionSv(), form.childType(), form.indicatorId(), form.targetComparator(),
									form.targetValue(), form.targetDeadline(), form.motivation(), form.evidence()));
					redirect.addFlashAttribute("flash", "learning.proposal.saved");
				});
	}

	@PostMapping("/learning/elements/{id}/proposals/{proposalId}/{step:prepare|decide|reject}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String step(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long proposalId,
			@PathVariable String step, @ModelAttribute StepForm form, @RequestParam(required = false) Long cycleId,
			Locale locale, RedirectAttributes redirect) {
		int version = form.version() == null ? -1 : form.version();
		return LearningController.Forms.attempt(this.messages, locale, redirect, "proposal" + proposalId, form,
				LearningController.back(id, form.cycleId(), "proposal-" + proposalId), () -> {
					Proposal.State state = this.proposals.step(user, proposalId, step, version, form.note()).state();
					redirect.addFlashAttribute("flash", state.messageKey() + ".done");
				});
	}

}
