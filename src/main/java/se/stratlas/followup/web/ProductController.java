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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Kinds.ProductKind;
import se.stratlas.followup.Product;
import se.stratlas.followup.ProductPages;
import se.stratlas.followup.Products;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * Report products: what each shows (the approved texts of its sections, or the frozen
 * ones), which sections it uses, freezing.
 */
@Controller
class ProductController {

	private final Products products;

	private final ProductPages pages;

	private final MessageSource messages;

	ProductController(Products products, ProductPages pages, MessageSource messages) {
		this.products = products;
		this.pages = pages;
		this.messages = messages;
	}

	@GetMapping("/followup/{id}/products/{productId}")
	@PreAuthorize("hasRole('READER')")
	String show(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long productId,
			Model model, Locale locale) {
		ProductPages.Page page = this.pages.page(user.organisationId(), id, productId, locale);
		model.addAttribute("cycle", page.cycle());
		model.addAttribute("product", page.product());
		model.addAttribute("layout", page.layout());
		model.addAttribute("parts", page.parts());
		model.addAttribute("html", page.html());
		model.addAttribute("canManage", user.can(Role.STRATEGIST));
		return "followup/product";
	}

	@PostMapping("/followup/{id}/products")
	@PreAuthorize("hasRole('STRATEGIST')")
	String create(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestParam(defaultValue = "") String name, @RequestParam(required = false) ProductKind kind,
			Locale locale, RedirectAttributes redirect) {
		try {
			Product product = this.products.create(user, id, name, kind, List.of());
			redirect.addFlashAttribute("flash", "product.created");
			return "redirect:/followup/" + id + "/products/" + product.id() + "/edit";
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
			return "redirect:/followup/" + id;
		}
	}

	@GetMapping("/followup/{id}/products/{productId}/edit")
	@PreAuthorize("hasRole('STRATEGIST')")
	String edit(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long productId,
			Model model) {
		ProductPages.Form form = this.pages.form(user.organisationId(), id, productId);
		model.addAttribute("cycle", form.cycle());
		model.addAttribute("product", form.product());
		model.addAttribute("sections", form.sections());
		model.addAttribute("ordered", form.ordered());
		return "followup/product-form";
	}

	@PostMapping("/followup/{id}/products/{productId}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String configure(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long productId, @RequestParam int version,
			@RequestParam(required = false) List<Long> sectionIds, Locale locale, RedirectAttributes redirect) {
		return act(id, productId, locale, redirect, "form.saved", () -> this.products.configure(user, id, productId,
				version, sectionIds == null ? List.of() : sectionIds));
	}

	@PostMapping("/followup/{id}/products/{productId}/move")
	@PreAuthorize("hasRole('STRATEGIST')")
	String move(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long productId,
			@RequestParam int version, @RequestParam long sectionId,
			@RequestParam(defaultValue = "up") String direction, Locale locale, RedirectAttributes redirect) {
		act(id, productId, locale, redirect, "form.saved",
				() -> this.products.move(user, id, productId, version, sectionId, "up".equals(direction)));
		return "redirect:/followup/" + id + "/products/" + productId + "/edit#order";
	}

	@PostMapping("/followup/{id}/products/{productId}/freeze")
	@PreAuthorize("hasRole('STRATEGIST')")
	String freeze(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, @PathVariable long productId,
			@RequestParam int version, Locale locale, RedirectAttributes redirect) {
		return act(id, productId, locale, redirect, "product.frozenDone",
				() -> this.products.freeze(user, id, productId, version));
	}

	@PostMapping("/followup/{id}/products/{productId}/unfreeze")
	@PreAuthorize("hasRole('STRATEGIST')")
	String unfreeze(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long productId, @RequestParam int version, Locale locale, RedirectAttributes redirect) {
		return act(id, productId, locale, redirect, "product.unfrozen",
				() -> this.products.unfreeze(user, id, productId, version));
	}

	private String act(long id, long productId, Locale locale, RedirectAttributes redirect, String done,
			Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", done);
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("actionErrors",
					Map.of("", this.messages.getMessage("conflict.reload", null, locale)));
		}
		return "redirect:/followup/" + id + "/products/" + productId;
	}

}
