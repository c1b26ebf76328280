package se.stratlas.exchange;

import java.util.List;

import org.springframework.stereotype.Service;

import se.stratlas.exchange.internal.DatasetRepository;
import se.stratlas.shared.NotFoundException;

/**
 * The exchange's open datasets, for anyone: what the public DCAT catalogue describes and
 * the newest file of each, served without login. Only a dataset marked as open data
 * (which cannot hold personal data and has a licence) with at least one file is open.
 */
@Service
public class OpenDatasets {

	private final DatasetRepository datasetRepository;

	OpenDatasets(DatasetRepository datasetRepository) {
		this.datasetRepository = datasetRepository;
	}

	/** The open datasets that have a file, oldest first. */
	public List<Dataset> all() {
		return this.datasetRepository.datasets(null)
			.stream()
			.filter(OpenDatasets::open)
			.sorted((a, b) -> Long.compare(a.id(), b.id()))
			.toList();
	}

	/** The newest file of an open dataset; not found for any other dataset. */
	public Deals.Delivery file(long datasetId) {
		Dataset dataset = this.datasetRepository.dataset(datasetId)
			.filter(OpenDatasets::open)
			.orElseThrow(() -> new NotFoundException(Datasets.TYPE, datasetId));
		Dataset.FileVersion file = dataset.latestFile();
		return new Deals.Delivery(file.filename(), file.mediaType(), this.datasetRepository.fileContent(file.id()));
	}

	private static boolean open(Dataset dataset) {
		return dataset.openData() && dataset.personalData() == Dataset.PersonalData.NONE && dataset.licence() != null
				&& dataset.latestFile() != null;
	}

}
