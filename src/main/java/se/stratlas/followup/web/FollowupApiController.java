package se.stratlas.followup.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Contributions;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.CycleView;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Products;
import se.stratlas.followup.UnitFigureBook;
import se.stratlas.followup.UnitFigureImports;

/**
 * The follow-up JSON API: cycles with their sections and contributions, report products,
 * the to-do list, and unit figures; an import answers 422 with the row and column of
 * every problem. Contributions are {@link ContributionApiController}'s.
 */
@RestController
@RequestMapping("/api/followup")
@Tag(name = "Follow-up", description = "Cycles, contributions (inrapportering), report products, unit figures")
class FollowupApiController {

	private final Cycles cycles;

	private final Contributions contributions;

	private final Products products;

	private final UnitFigureBook figures;

	private final UnitFigureImports imports;

	FollowupApiController(Cycles cycles, Contributions contributions, Products products, UnitFigureBook figures,
			UnitFigureImports imports) {
		this.cycles = cycles;
		this.contributions = contributions;
		this.products = products;
		this.figures = figures;
		this.imports = imports;
	}

	@GetMapping("/cycles")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "The organisation's follow-up cycles")
	List<Cycle> cycles(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.cycles.list(user.organisationId());
	}

	@GetMapping("/cycles/{id}")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "A cycle with its sections, contributions and progress per unit")
	CycleView cycle(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.cycles.view(user.organisationId(), id, LocalDate.now());
	}

	@GetMapping("/cycles/{id}/products/{productId}")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "What a report product shows, section by section")
	List<Products.Part> product(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@PathVariable long productId) {
		return this.products.content(user.organisationId(), id, productId);
	}

	@GetMapping("/tasks")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "The signed-in user's to-do list")
	List<Contributions.Task> tasks(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.contributions.tasks(user);
	}

	@GetMapping("/figures")
	@PreAuthorize("hasRole('READER')")
	@Operation(summary = "Finance and staffing per unit for a period, with last year")
	List<UnitFigureBook.Row> figures(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam String period) {
		return this.figures.rows(user.organisationId(), period, false);
	}

	@PostMapping("/figures/import")
	@PreAuthorize("hasRole('REPORTER')")
	@Operation(summary = "Imports a finance export (CSV or XLSX); all or nothing")
	UnitFigureImports.ImportResult importFigures(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam("file") MultipartFile file) throws IOException {
		return this.imports.importFile(user, file.getOriginalFilename(), file.getBytes());
	}

}
