package se.stratlas.indicators.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.indicators.AreaGroups;
import se.stratlas.indicators.IndicatorDashboards;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * Groups of areas to compare indicators with, and a strategy element's dashboard of
 * indicators in an area.
 */
@Controller
class AreaGroupController {

	private final AreaGroups groups;

	private final IndicatorDashboards dashboards;

	private final MessageSource messages;

	AreaGroupController(AreaGroups groups, IndicatorDashboards dashboards, MessageSource messages) {
		this.groups = groups;
		this.dashboards = dashboards;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "indicators";
	}

	@GetMapping("/indicators/groups")
	@PreAuthorize("hasRole('READER')")
	String groups(@AuthenticationPrincipal StratlasPrincipal user, Model model) {
		AreaGroups.GroupsPage page = this.groups.page(user.organisationId());
		model.addAttribute("groups", page.groups());
		model.addAttribute("municipalities", page.municipalities());
		model.addAttribute("areaNames", page.areaNames());
		model.addAttribute("canEdit", user.can(Role.STRATEGIST));
		return "indicators/groups";
	}

	@PostMapping("/indicators/groups")
	@PreAuthorize("hasRole('STRATEGIST')")
	String createGroup(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(required = false) String name,
			@RequestParam(required = false) List<String> areaCodes, Model model, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.groups.create(user.organisationId(), name, areaCodes, user.username());
			redirect.addFlashAttribute("flash", "group.created");
			return "redirect:/indicators/groups";
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return groups(user, model);
		}
	}

	@GetMapping("/indicators/dashboard")
	@PreAuthorize("hasRole('READER')")
	String dashboard(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam UUID element,
			@RequestParam(required = false) String area, @RequestParam(required = false) String title, Model model,
			Locale locale) {
		IndicatorDashboards.DashboardPage page = this.dashboards.dashboardPage(user.organisationId(), element, area,
				locale);
		model.addAttribute("rows", page.rows());
		model.addAttribute("element", element);
		model.addAttribute("area", page.area());
		model.addAttribute("areaName", page.areaName());
		// Not "title": the layout's fragment parameter has that name.
		model.addAttribute("elementTitle", title);
		model.addAttribute("areaOptions", page.areaOptions());
		return "indicators/dashboard";
	}

}
