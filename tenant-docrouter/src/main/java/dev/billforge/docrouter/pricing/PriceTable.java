package dev.billforge.docrouter.pricing;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.billforge.docrouter.pricing.PricingProperties.ModelPriceEntry;
import dev.billforge.docrouter.pricing.PricingProperties.PriceTableVersion;

/** The versioned model price tables, validated once at startup. */
public final class PriceTable {

	private final List<PriceTableVersion> versions;

	public PriceTable(List<PriceTableVersion> versions) {
		Set<String> seen = new HashSet<>();
		for (PriceTableVersion version : versions) {
			String where = "docrouter.pricing.price-tables[version=" + version.getVersion() + "]";
			if (version.getVersion() == null || version.getVersion().isBlank()) {
				throw new IllegalStateException("docrouter.pricing.price-tables: every table needs a version");
			}
			if (!seen.add(version.getVersion())) {
				throw new IllegalStateException(where + ": version is used twice");
			}
			if (version.getEffectiveFrom() == null) {
				throw new IllegalStateException(where + ".effective-from is required");
			}
			Set<String> names = new HashSet<>();
			for (ModelPriceEntry model : version.getModels()) {
				if (model.getName() == null || model.getName().isBlank() || !names.add(model.getName())) {
					throw new IllegalStateException(where + ": every model needs a unique name");
				}
				if (model.getInputPerMillionUsd() == null || model.getInputPerMillionUsd().signum() < 0
						|| model.getOutputPerMillionUsd() == null || model.getOutputPerMillionUsd().signum() < 0) {
					throw new IllegalStateException(where + ".models[" + model.getName()
							+ "]: input-per-million-usd and output-per-million-usd are required and may not be negative");
				}
			}
		}
		this.versions = versions.stream()
			.sorted(Comparator.comparing(PriceTableVersion::getEffectiveFrom).reversed())
			.toList();
	}

	/** The price of {@code model} in the table in effect at {@code at}. */
	public Optional<ModelPrice> price(String model, Instant at) {
		return versions.stream()
			.filter(v -> !v.getEffectiveFrom().isAfter(at))
			.findFirst()
			.flatMap(v -> v.getModels()
				.stream()
				.filter(m -> m.getName().equals(model))
				.findFirst()
				.map(m -> new ModelPrice(m.getName(), v.getVersion(), m.getInputPerMillionUsd(),
						m.getOutputPerMillionUsd())));
	}

}
