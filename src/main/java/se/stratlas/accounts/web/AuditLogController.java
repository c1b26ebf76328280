package se.stratlas.accounts.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditTrail;

/** Administrators read their organisation's audit log, a page at a time. */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AuditLogController {

	private static final int AUDIT_PAGE = 100;

	private final AuditTrail audit;

	AuditLogController(AuditTrail audit) {
		this.audit = audit;
	}

	@GetMapping("/audit")
	String auditLog(@AuthenticationPrincipal StratlasPrincipal admin, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String type, @RequestParam(required = false) String action,
			@RequestParam(required = false) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "1") int page, Model model) {
		AuditTrail.Query query = new AuditTrail.Query(actor, type, action, q, from, to);
		AuditTrail.LogPage log = this.audit.page(admin.organisationId(), query, page, AUDIT_PAGE);
		model.addAttribute("events", log.events());
		model.addAttribute("more", log.more());
		model.addAttribute("page", log.page());
		model.addAttribute("query", query);
		model.addAttribute("types", log.types());
		model.addAttribute("actions", log.actions());
		return "accounts/audit";
	}

}
