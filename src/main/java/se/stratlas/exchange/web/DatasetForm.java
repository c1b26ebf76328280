package se.stratlas.exchange.web;

import se.stratlas.exchange.Dataset;
import se.stratlas.exchange.DatasetDraft;
import se.stratlas.exchange.Right;

/**
 * The dataset form, as the browser sends it; the basis only when a dataset is registered.
 */
record DatasetForm(String title, String description, String theme, String keywords, String updateFrequency,
		Dataset.Provenance provenanceKind, String provenance, String deviceOwner, Dataset.PersonalData personalData,
		DatasetDraft.LegalBasis legalBasis, DatasetDraft.SpecialBasis specialBasis, String qualityNotes,
		Boolean openData, String licence, Right.Basis basis, Integer version) {

	DatasetDraft draft() {
		return new DatasetDraft(this.title, this.description, this.theme, this.keywords, this.updateFrequency,
				this.provenanceKind, this.provenance, this.deviceOwner, this.personalData, this.legalBasis,
				this.specialBasis, this.qualityNotes, Boolean.TRUE.equals(this.openData), this.licence);
	}

	DatasetForm withVersion(int version) {
		return new DatasetForm(this.title, this.description, this.theme, this.keywords, this.updateFrequency,
				this.provenanceKind, this.provenance, this.deviceOwner, this.personalData, this.legalBasis,
				this.specialBasis, this.qualityNotes, this.openData, this.licence, this.basis, version);
	}

	static DatasetForm empty() {
		return new DatasetForm(null, null, "REGI", null, "ANNUAL", Dataset.Provenance.SYSTEM, null, null,
				Dataset.PersonalData.NONE, null, null, null, false, null, Right.Basis.CREATED, null);
	}

	static DatasetForm of(Dataset d) {
		return new DatasetForm(d.title(), d.description(), d.theme(), d.keywords(), d.updateFrequency(),
				d.provenanceKind(), d.provenance(), d.deviceOwner(), d.personalData(),
				d.legalBasis() == null ? null : DatasetDraft.LegalBasis.valueOf(d.legalBasis()),
				d.specialBasis() == null ? null : DatasetDraft.SpecialBasis.valueOf(d.specialBasis()), d.qualityNotes(),
				d.openData(), d.licence(), null, d.version());
	}

}
