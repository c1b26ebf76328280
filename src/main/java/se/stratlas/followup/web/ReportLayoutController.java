package se.stratlas.followup.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.ReportBlock;
import se.stratlas.followup.ReportLayouts;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * A report's structure in the browser: its parts in order, each with a heading of its own
 * if wanted; questions with their text, the sections that answer them and the indicators
 * that give the figures asked for; parts added, removed and moved; back to the kind's
 * default.
 */
@Controller
class ReportLayoutController {

	private final ReportLayouts layouts;

	private final MessageSource messages;

	ReportLayoutController(ReportLayouts layouts, MessageSource messages) {
		this.layouts = layouts;
		this.messages = messages;
	}

	@GetMapping("/followup/{id}/products/{productId}/layout")
	@PreAuthorize("hasRole('STRATEGIST')")
	String edit(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long productId,
			Model model) {
		ReportLayouts.LayoutPage page = this.layouts.page(user.organisationId(), id, productId);
		LayoutForm form = new LayoutForm();
		form.setVersion(page.layout().product().version());
		for (int i = 0; i < page.layout().blocks().size(); i++) {
			form.getBlocks().add(new BlockForm(page.layout().blocks().get(i), i + 1));
		}
		return page(page, form, null, model);
	}

	@PostMapping("/followup/{id}/products/{productId}/layout")
	@PreAuthorize("hasRole('STRATEGIST')")
	String save(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long productId,
			@ModelAttribute("form") LayoutForm form, @RequestParam(defaultValue = "save") String action, Model model,
			Locale locale, RedirectAttributes redirect) {
		if (!"add".equals(action)) {
			form.setAdd(null);
		}
		else if (form.getAdd() != null) {
			// An added part is shown to be filled in; nothing is saved until "Spara".
			model.addAttribute("flash", "report.layout.added");
			return page(this.layouts.page(user.organisationId(), id, productId), renumbered(form), null, model);
		}
		try {
			this.layouts.save(user, id, productId, form.getVersion(), form.result());
			redirect.addFlashAttribute("flash", "form.saved");
			return "redirect:/followup/" + id + "/products/" + productId + "/layout";
		}
		catch (ValidationException ex) {
			// The form comes back as written, with each problem at its part; an added
			// part is shown so that its problem has a place.
			return page(this.layouts.page(user.organisationId(), id, productId), renumbered(form),
					FieldErrors.of(ex, this.messages, locale), model);
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("actionErrors",
					Map.of("", this.messages.getMessage("conflict.reload", null, locale)));
			return "redirect:/followup/" + id + "/products/" + productId + "/layout";
		}
	}

	@PostMapping("/followup/{id}/products/{productId}/layout/reset")
	@PreAuthorize("hasRole('STRATEGIST')")
	String reset(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long productId,
			@RequestParam int version, Locale locale, RedirectAttributes redirect) {
		try {
			this.layouts.reset(user, id, productId, version);
			redirect.addFlashAttribute("flash", "report.layout.resetDone");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("actionErrors",
					Map.of("", this.messages.getMessage("conflict.reload", null, locale)));
		}
		return "redirect:/followup/" + id + "/products/" + productId + "/layout";
	}

	/** The form's parts in the order they would be saved, numbered 1, 2, 3 … */
	private static LayoutForm renumbered(LayoutForm form) {
		List<ReportBlock> blocks = form.result();
		LayoutForm shown = new LayoutForm();
		shown.setVersion(form.getVersion());
		for (int i = 0; i < blocks.size(); i++) {
			shown.getBlocks().add(new BlockForm(blocks.get(i), i + 1));
		}
		return shown;
	}

	private static String page(ReportLayouts.LayoutPage page, LayoutForm form, Map<String, String> errors,
			Model model) {
		model.addAttribute("cycle", page.cycle());
		model.addAttribute("product", page.layout().product());
		model.addAttribute("custom", page.layout().custom());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", ReportBlock.Kind.values());
		model.addAttribute("sections", page.sections());
		model.addAttribute("indicatorChoices", page.indicatorChoices());
		return "followup/product-layout";
	}

}
