package se.stratlas.foresight.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.foresight.ForesightExports;
import se.stratlas.foresight.ForesightPages;
import se.stratlas.foresight.ScanItem;
import se.stratlas.foresight.Scanning;
import se.stratlas.shared.tables.Downloads;

/**
 * Environmental scanning: the list with filters, a timeline and a radar, and the export
 * (recording and changing items: {@link ScanItemController}).
 */
@Controller
class ForesightController {

	private final ForesightPages pages;

	private final ForesightExports exports;

	private final MessageSource messages;

	ForesightController(ForesightPages pages, ForesightExports exports, MessageSource messages) {
		this.pages = pages;
		this.exports = exports;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "foresight";
	}

	@GetMapping("/foresight")
	@PreAuthorize("hasRole('READER')")
	String list(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(required = false) String q,
			@RequestParam(required = false) ScanItem.Kind kind, @RequestParam(required = false) ScanItem.Scope scope,
			@RequestParam(required = false) ScanItem.Effect effect, @RequestParam(required = false) UUID element,
			@RequestParam(defaultValue = "list") String view, Model model) {
		ForesightPages.ItemsPage page = this.pages.items(user.organisationId(),
				new Scanning.Filter(q, kind, scope, effect, element));
		List<ScanItem> items = page.items();
		model.addAttribute("items", items);
		model.addAttribute("choices", page.choices());
		model.addAttribute("labels", page.labels());
		model.addAttribute("q", q);
		model.addAttribute("kind", kind);
		model.addAttribute("scope", scope);
		model.addAttribute("effect", effect);
		model.addAttribute("element", element);
		model.addAttribute("view", view);
		model.addAttribute("kinds", ScanItem.Kind.values());
		model.addAttribute("scopes", ScanItem.Scope.values());
		model.addAttribute("effects", ScanItem.Effect.values());
		model.addAttribute("canEdit", user.can(Role.REPORTER));
		model.addAttribute("timeline", ForesightExports.timeline(items));
		model.addAttribute("radar", Radar.svg(items, kindLabels(Locale.forLanguageTag("sv"))));
		return "foresight/items";
	}

	private Map<ScanItem.Kind, String> kindLabels(Locale locale) {
		Map<ScanItem.Kind, String> labels = new EnumMap<>(ScanItem.Kind.class);
		for (ScanItem.Kind kind : ScanItem.Kind.values()) {
			labels.put(kind, this.messages.getMessage(kind.messageKey(), null, kind.name(), locale));
		}
		return labels;
	}

	@GetMapping("/foresight/export")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam(defaultValue = "xlsx") String format) {
		return Downloads.table(this.exports.items(user.organisationId()), format, "omvarldsbevakning");
	}

}
