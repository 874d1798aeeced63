package dev.billforge.stripe.emulator.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class SearchQueryTest {

	private static final Set<String> FIELDS = Set.of("active", "name", "metadata", "created");

	private static ObjectNode product(boolean active, String tag, long created) {
		ObjectNode o = Json.obj();
		o.put("active", active);
		o.put("name", "Doc Router Pro");
		o.put("created", created);
		o.putObject("metadata").put("product", tag);
		return o;
	}

	@Test
	void andClausesMustAllMatch() {
		SearchQuery q = SearchQuery.parse("active:'true' AND metadata['product']:'doc_router'", "products", FIELDS);

		assertThat(q.matches(product(true, "doc_router", 1))).isTrue();
		assertThat(q.matches(product(false, "doc_router", 1))).isFalse();
		assertThat(q.matches(product(true, "sig_agent", 1))).isFalse();
	}

	@Test
	void orNegationSubstringAndNumericComparisons() {
		assertThat(SearchQuery.parse("metadata['product']:'x' OR name~'router'", "products", FIELDS)
			.matches(product(true, "doc_router", 1))).isTrue();
		assertThat(SearchQuery.parse("-metadata['product']:'doc_router'", "products", FIELDS)
			.matches(product(true, "doc_router", 1))).isFalse();
		assertThat(
				SearchQuery.parse("created>=100 AND created<200", "products", FIELDS).matches(product(true, "a", 150)))
			.isTrue();
		assertThat(SearchQuery.parse("metadata['missing']:null", "products", FIELDS).matches(product(true, "a", 1)))
			.isTrue();
	}

	@Test
	void mixingAndWithOrIsRejected() {
		assertThatThrownBy(() -> SearchQuery.parse("active:'true' AND name:'a' OR name:'b'", "products", FIELDS))
			.isInstanceOf(ApiError.class)
			.hasMessageContaining("cannot be mixed");
	}

	@Test
	void unknownFieldIsRejected() {
		assertThatThrownBy(() -> SearchQuery.parse("colour:'red'", "products", FIELDS)).isInstanceOf(ApiError.class)
			.hasMessageContaining("unsupported search field");
	}

}
