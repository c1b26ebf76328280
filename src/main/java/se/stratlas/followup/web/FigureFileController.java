package se.stratlas.followup.web;

import java.io.IOException;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.UnitFigureImports;
import se.stratlas.shared.tables.Downloads;
import se.stratlas.shared.tables.ImportProblem;
import se.stratlas.shared.tables.ImportRefusedException;

/**
 * Finance and staffing figures as files: the import of the finance system's export, the
 * template to fill in, and the export of a period.
 */
@Controller
class FigureFileController {

	private final UnitFigureImports imports;

	FigureFileController(UnitFigureImports imports) {
		this.imports = imports;
	}

	@GetMapping("/followup/figures/import")
	@PreAuthorize("hasRole('REPORTER')")
	String importForm(Model model) {
		model.addAttribute("columns", UnitFigureImports.COLUMNS);
		return "followup/figures-import";
	}

	@PostMapping("/followup/figures/import")
	@PreAuthorize("hasRole('REPORTER')")
	String importFile(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam("file") MultipartFile file,
			Model model, RedirectAttributes redirect) throws IOException {
		model.addAttribute("columns", UnitFigureImports.COLUMNS);
		if (file.isEmpty()) {
			model.addAttribute("problems", List.of(new ImportProblem(1, "", "Välj en fil.")));
			return "followup/figures-import";
		}
		try {
			UnitFigureImports.ImportResult result = this.imports.importFile(user, file.getOriginalFilename(),
					file.getBytes());
			redirect.addFlashAttribute("flash", "figures.imported");
			redirect.addFlashAttribute("importResult", result);
			return "redirect:/followup/figures";
		}
		catch (ImportRefusedException ex) {
			model.addAttribute("problems", ex.problems());
			model.addAttribute("filename", file.getOriginalFilename());
			return "followup/figures-import";
		}
	}

	@GetMapping("/followup/figures/template")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> template(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam(defaultValue = "xlsx") String format) {
		return Downloads.table(this.imports.template(user.organisationId()), format, "ekonomi-personal-mall");
	}

	@GetMapping("/followup/figures/export")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam(required = false) String period, @RequestParam(defaultValue = "xlsx") String format) {
		UnitFigureImports.Export export = this.imports.exportOf(user.organisationId(), period);
		return Downloads.table(export.table(), format, "ekonomi-personal-" + export.period());
	}

}
