package se.stratlas.exchange.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.exchange.Auctions;
import se.stratlas.exchange.ExchangePages;
import se.stratlas.exchange.Listing;
import se.stratlas.exchange.ListingDraft;
import se.stratlas.exchange.Purpose;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/** Listing a dataset, a listing's page with its bids, bidding, and its ODRL policy. */
@Controller
class ListingController {

	/**
	 * Deadlines are typed and shown in the instance's time zone, as every time in the
	 * pages.
	 */
	static final ZoneId ZONE = ZoneId.systemDefault();

	private final Auctions auctions;

	private final ExchangePages pages;

	private final MessageSource messages;

	ListingController(Auctions auctions, ExchangePages pages, MessageSource messages) {
		this.auctions = auctions;
		this.pages = pages;
		this.messages = messages;
	}

	/** The listing form; the deadline as the browser's date-and-time field sends it. */
	record ListingForm(Listing.Auction auction, BigDecimal reservePrice, BigDecimal minIncrement,
			List<Purpose> purposes, Integer licenceDays, Boolean onwardSale, Listing.Delivery delivery,
			String specificTerms, LocalDateTime closesAt, Integer extensionMinutes, Integer volumeLimit,
			Listing.Volume.Unit volumeUnit) {

		ListingDraft draft() {
			return new ListingDraft(this.auction, this.reservePrice, this.minIncrement,
					this.purposes == null ? List.of() : this.purposes, this.licenceDays == null ? 0 : this.licenceDays,
					Boolean.TRUE.equals(this.onwardSale), this.delivery, this.specificTerms,
					this.closesAt == null ? null : this.closesAt.atZone(ZONE).toInstant(),
					this.extensionMinutes == null ? 0 : this.extensionMinutes, this.volumeLimit, this.volumeUnit);
		}

	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "exchange";
	}

	@PostMapping("/exchange/datasets/{id}/listings")
	@PreAuthorize("hasRole('STRATEGIST')")
	String list(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute ListingForm form, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			Listing listing = this.auctions.list(user, id, form.draft());
			redirect.addFlashAttribute("flash", "exchange.listing.created");
			return "redirect:/exchange/listings/" + listing.id();
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			model.addAttribute("listingForm", form);
			model.addAttribute("page", this.pages.dataset(user, id));
			return "exchange/dataset";
		}
	}

	@GetMapping("/exchange/listings/{id}")
	@PreAuthorize("hasRole('READER')")
	String listing(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Model model) {
		model.addAttribute("view", this.auctions.view(user, id));
		return "exchange/listing";
	}

	@PostMapping("/exchange/listings/{id}/bids")
	@PreAuthorize("hasRole('STRATEGIST')")
	String bid(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@ModelAttribute Auctions.BidDraft bid, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			this.auctions.bid(user, id, bid);
			redirect.addFlashAttribute("flash", "exchange.bid.placed");
			return "redirect:/exchange/listings/" + id;
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			model.addAttribute("bid", bid);
			model.addAttribute("view", this.auctions.view(user, id));
			return "exchange/listing";
		}
	}

	@PostMapping("/exchange/listings/{id}/withdraw")
	@PreAuthorize("hasRole('STRATEGIST')")
	String withdraw(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.auctions.withdraw(user, id);
			redirect.addFlashAttribute("flash", "exchange.listing.withdrawn");
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("actionErrors", FieldErrors.of(ex, this.messages, locale));
		}
		return "redirect:/exchange/listings/" + id;
	}

	@GetMapping("/exchange/listings/{id}/policy")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<String> policy(@PathVariable long id) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/ld+json"))
			.body(this.auctions.policy(id));
	}

}
