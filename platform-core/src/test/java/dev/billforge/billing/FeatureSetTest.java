package dev.billforge.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FeatureSetTest {

	@Test
	void featuresTravelAsOneSortedMetadataValueAndComeBackTheSame() {
		Map<String, Object> yaml = new LinkedHashMap<>();
		yaml.put("mcp_access", true);
		yaml.put("documents_per_month", 500);
		yaml.put("priority_queue", false);
		FeatureSet set = FeatureSet.fromYaml(yaml);
		assertThat(set.toMetadata()).isEqualTo("documents_per_month=500,mcp_access");
		assertThat(FeatureSet.fromMetadata(set.toMetadata())).isEqualTo(set);
		assertThat(set.has("mcp_access")).isTrue();
		assertThat(set.has("priority_queue")).as("false leaves a switch out").isFalse();
		assertThat(set.limit("documents_per_month")).hasValue(500);
		assertThat(set.has("unknown")).isFalse();
	}

	@Test
	void aLimitOfZeroIsOffAndUnionKeepsTheHigherLimit() {
		FeatureSet plan = FeatureSet.fromMetadata("documents_per_month=0,seats=5");
		FeatureSet pack = FeatureSet.fromMetadata("documents_per_month=200,priority_queue,seats=2");
		assertThat(plan.has("documents_per_month")).isFalse();
		FeatureSet both = plan.union(pack);
		assertThat(both.limit("documents_per_month")).hasValue(200);
		assertThat(both.limit("seats")).hasValue(5);
		assertThat(both.has("priority_queue")).isTrue();
		assertThat(plan.withLimit("seats", 12).limit("seats")).hasValue(12);
	}

	@Test
	void metadataEditedInStripesDashboardIsHeldToTheCatalogsBounds() {
		assertThatThrownBy(() -> FeatureSet.fromMetadata("seats=-1")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> FeatureSet.fromMetadata("seats=1e9")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> FeatureSet.fromMetadata("seats=" + "9".repeat(13)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> FeatureSet.fromMetadata("Bad-Name")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> FeatureSet.fromMetadata("a,a=1")).hasMessageContaining("both");
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 21; i++) {
			many.append(i == 0 ? "" : ",").append("f").append(i);
		}
		assertThatThrownBy(() -> FeatureSet.fromMetadata(many.toString())).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> FeatureSet.fromYaml(Map.of("seats", "five"))).hasMessageContaining("whole number");
		assertThatThrownBy(() -> FeatureSet.fromYaml(Map.of("seats", 2.5))).hasMessageContaining("whole number");
	}

}
