package se.stratlas.exchange;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;

/**
 * What a data steward writes about a dataset: the DCAT-AP-SE description (title,
 * description, theme, keywords, update frequency), provenance, whether the data is about
 * people and on what legal basis, quality notes, and whether it is open data.
 */
public record DatasetDraft(String title, String description, String theme, @Nullable String keywords,
		String updateFrequency, Dataset.Provenance provenanceKind, String provenance, @Nullable String deviceOwner,
		Dataset.PersonalData personalData, @Nullable LegalBasis legalBasis, @Nullable SpecialBasis specialBasis,
		@Nullable String qualityNotes, @Nullable Boolean openData, @Nullable String licence) {

	/** The EU data themes DCAT-AP-SE uses. */
	public static final List<String> THEMES = List.of("AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR",
			"JUST", "REGI", "SOCI", "TECH", "TRAN");

	/** The EU frequencies a dataset is updated with. */
	public static final List<String> FREQUENCIES = List.of("CONT", "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "ANNUAL",
			"IRREG");

	/** The licences an open dataset may have. */
	public static final List<String> LICENCES = List.of("CC0-1.0", "CC-BY-4.0");

	/** The choices the dataset form offers. */
	public record Options(List<String> themes, List<String> frequencies, List<String> licences,
			List<Dataset.Provenance> provenances, List<Dataset.PersonalData> personalData, List<LegalBasis> legalBases,
			List<SpecialBasis> specialBases, List<Right.Basis> rightBases) {
	}

	public static Options options() {
		return new Options(THEMES, FREQUENCIES, LICENCES, List.of(Dataset.Provenance.values()),
				List.of(Dataset.PersonalData.values()), List.of(LegalBasis.values()), List.of(SpecialBasis.values()),
				List.of(Right.Basis.values()));
	}

	/** The legal bases of GDPR art. 6.1 for data about people. */
	public enum LegalBasis {

		CONSENT, CONTRACT, LEGAL_OBLIGATION, VITAL_INTERESTS, PUBLIC_TASK, LEGITIMATE_INTERESTS

	}

	/** The exceptions of GDPR art. 9.2 that allow special categories of data. */
	public enum SpecialBasis {

		EXPLICIT_CONSENT, EMPLOYMENT, VITAL_INTERESTS, MEMBERS, MADE_PUBLIC, LEGAL_CLAIMS, PUBLIC_INTEREST, HEALTH_CARE,
		PUBLIC_HEALTH, RESEARCH

	}

	/**
	 * The draft checked and cleaned: every rule a form shows at its field.
	 * @throws ValidationException with every field that is wrong
	 */
	public DatasetDraft checked() {
		List<ValidationException.Violation> violations = new ArrayList<>();
		String cleanTitle = text(violations, "title", this.title, 200, true);
		String cleanDescription = text(violations, "description", this.description, 4000, true);
		String cleanProvenance = text(violations, "provenance", this.provenance, 400, true);
		String owner = text(violations, "deviceOwner", this.deviceOwner, 200, false);
		if (this.theme == null || !THEMES.contains(this.theme)) {
			violations.add(new ValidationException.Violation("theme", "validation.required"));
		}
		if (this.updateFrequency == null || !FREQUENCIES.contains(this.updateFrequency)) {
			violations.add(new ValidationException.Violation("updateFrequency", "validation.required"));
		}
		if (this.provenanceKind == null) {
			violations.add(new ValidationException.Violation("provenanceKind", "validation.required"));
		}
		else if (this.provenanceKind.machine() && owner == null) {
			violations.add(new ValidationException.Violation("deviceOwner", "exchange.dataset.deviceOwnerRequired"));
		}
		Dataset.PersonalData personal = this.personalData == null ? Dataset.PersonalData.NONE : this.personalData;
		if (personal != Dataset.PersonalData.NONE && this.legalBasis == null) {
			violations.add(new ValidationException.Violation("legalBasis", "exchange.dataset.legalBasisRequired"));
		}
		if (personal == Dataset.PersonalData.SENSITIVE && this.specialBasis == null) {
			violations.add(new ValidationException.Violation("specialBasis", "exchange.dataset.specialBasisRequired"));
		}
		if (Boolean.TRUE.equals(this.openData) && personal != Dataset.PersonalData.NONE) {
			violations.add(new ValidationException.Violation("openData", "exchange.dataset.openNotPersonal"));
		}
		if (Boolean.TRUE.equals(this.openData) && (this.licence == null || !LICENCES.contains(this.licence))) {
			violations.add(new ValidationException.Violation("licence", "exchange.dataset.licenceRequired"));
		}
		String cleanKeywords = text(violations, "keywords", this.keywords, 400, false);
		String cleanNotes = text(violations, "qualityNotes", this.qualityNotes, 4000, false);
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		return new DatasetDraft(cleanTitle, cleanDescription, this.theme, cleanKeywords == null ? "" : cleanKeywords,
				this.updateFrequency, this.provenanceKind, cleanProvenance,
				this.provenanceKind.machine() ? owner : null, personal,
				personal == Dataset.PersonalData.NONE ? null : this.legalBasis,
				personal == Dataset.PersonalData.SENSITIVE ? this.specialBasis : null,
				cleanNotes == null ? "" : cleanNotes, Boolean.TRUE.equals(this.openData),
				Boolean.TRUE.equals(this.openData) ? this.licence : null);
	}

	private static String text(List<ValidationException.Violation> violations, String field, String value, int max,
			boolean required) {
		try {
			return required ? Texts.required(field, value, max) : Texts.optional(field, value, max);
		}
		catch (ValidationException ex) {
			violations.addAll(ex.violations());
			return null;
		}
	}

}
