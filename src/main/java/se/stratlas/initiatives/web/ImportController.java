package se.stratlas.initiatives.web;

import java.io.IOException;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.shared.tables.Downloads;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.initiatives.InitiativeImport;
import se.stratlas.shared.tables.ImportProblem;
import se.stratlas.shared.tables.ImportRefusedException;

/** Bulk import of initiatives from CSV or XLSX, with a template to download. */
@Controller
class ImportController {

	private final InitiativeImport importer;

	ImportController(InitiativeImport importer) {
		this.importer = importer;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "initiatives";
	}

	@GetMapping("/initiatives/import")
	@PreAuthorize("hasRole('REPORTER')")
	String form(Model model) {
		model.addAttribute("columns", InitiativeImport.COLUMNS);
		return "initiatives/import";
	}

	@GetMapping("/initiatives/import/template")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> template(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam(defaultValue = "xlsx") String format) {
		return "csv".equals(format)
				? Downloads.file(this.importer.templateCsv(user.organisationId()), Downloads.CSV, "insatser-mall.csv")
				: Downloads.file(this.importer.template(user.organisationId()), Downloads.XLSX, "insatser-mall.xlsx");
	}

	@PostMapping("/initiatives/import")
	@PreAuthorize("hasRole('REPORTER')")
	String importFile(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam("file") MultipartFile file,
			Model model, RedirectAttributes redirect) throws IOException {
		model.addAttribute("columns", InitiativeImport.COLUMNS);
		if (file.isEmpty()) {
			model.addAttribute("problems", List.of(new ImportProblem(1, "", "Välj en fil.")));
			return "initiatives/import";
		}
		try {
			int count = this.importer.importFile(user, file.getOriginalFilename(), file.getBytes());
			redirect.addFlashAttribute("flash", "import.initiatives.done");
			redirect.addFlashAttribute("importedCount", count);
			return "redirect:/initiatives";
		}
		catch (ImportRefusedException ex) {
			model.addAttribute("problems", ex.problems());
			model.addAttribute("filename", file.getOriginalFilename());
			return "initiatives/import";
		}
	}

}
