package se.stratlas.strategy.web;

import java.io.IOException;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.StrategyDocument;
import se.stratlas.strategy.StrategyTransfer;

/** A strategy as one JSON document: exported, and imported as a new strategy. */
@Controller
class StrategyTransferController {

	private final StrategyTransfer transfer;

	private final MessageSource messages;

	private final JsonMapper json;

	StrategyTransferController(StrategyTransfer transfer, MessageSource messages, JsonMapper json) {
		this.transfer = transfer;
		this.messages = messages;
		this.json = json;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "strategies";
	}

	@GetMapping("/strategies/{id}/export")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		StrategyDocument document = this.transfer.export(user.organisationId(), id);
		byte[] body = this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(document.strategy().code() + ".json").build().toString())
			.body(body);
	}

	@GetMapping("/strategies/import")
	@PreAuthorize("hasRole('STRATEGIST')")
	String importForm() {
		return "strategy/import";
	}

	@PostMapping("/strategies/import")
	@PreAuthorize("hasRole('STRATEGIST')")
	String importStrategy(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam("file") MultipartFile file,
			Model model, Locale locale, RedirectAttributes redirect) {
		StrategyDocument document;
		try {
			if (file.isEmpty()) {
				throw new ValidationException("file", "import.empty");
			}
			try {
				document = this.json.readValue(file.getBytes(), StrategyDocument.class);
			}
			catch (JacksonException | IOException ex) {
				throw new ValidationException("file", "import.unreadable", Texts.firstLine(ex));
			}
			StrategyTransfer.ImportResult result = this.transfer.importDocument(user.organisationId(), document,
					user.username());
			redirect.addFlashAttribute("importResult", result);
			redirect.addFlashAttribute("flash", "import.done");
			return "redirect:/strategies/" + result.strategy().id();
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
			return "strategy/import";
		}
	}

}
