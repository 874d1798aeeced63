package dev.billforge.docrouter.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.beans.factory.ObjectProvider;

import dev.billforge.common.ProblemException;
import dev.billforge.docrouter.Pdfs;
import dev.billforge.docrouter.documents.internal.DocumentStore;
import dev.billforge.docrouter.extraction.LlmExtractor;
import dev.billforge.docrouter.extraction.LlmProperties;
import dev.billforge.docrouter.extraction.OfflineExtractor;
import dev.billforge.docrouter.pricing.SpuPricing;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.Reservation;
import dev.billforge.metering.Metering;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;

/**
 * A PDF's text — the expensive part of a hostile PDF — is read only under a hold for the
 * upload's worst case; when reading fails, the hold is released and nothing is charged or
 * stored.
 */
class DocumentServicePdfHoldTest {

	@Test
	@SuppressWarnings("unchecked")
	void aPdfIsReadOnlyUnderAHoldAndAFailedReadReleasesIt() throws Exception {
		DocumentStore store = mock(DocumentStore.class);
		CreditLedger ledger = mock(CreditLedger.class);
		Metering metering = mock(Metering.class);
		SpuPricing pricing = mock(SpuPricing.class);
		when(pricing.pageFloor(3)).thenReturn(Credits.of(3));
		when(ledger.reserve(any(), anyString(), any(), anyString(), any())).thenReturn(new Reservation("hold_1", "k",
				Reservation.Status.HELD, Credits.of(3), Instant.now().plusSeconds(60), null, null));
		DocumentsProperties properties = new DocumentsProperties();
		properties.setParseTimeout(Duration.ZERO); // every read of the text runs out of
													// time
		ObjectProvider<LlmExtractor> noLlm = mock(ObjectProvider.class);
		ObjectProvider<java.time.Clock> clock = mock(ObjectProvider.class);
		when(clock.getIfAvailable(any())).thenReturn(java.time.Clock.systemUTC());
		DocumentService service = new DocumentService(store, ledger, metering, pricing, mock(OfflineExtractor.class),
				noLlm, properties, new LlmProperties(), clock);
		OrgId org = new OrgId("org_00000000000000000000000000000001");

		assertThatThrownBy(
				() -> service.submit(org, new Upload("scan.pdf", Pdfs.pdf(3, "Invoice"), null, "offline", null)))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.getMessage()).contains("longer than"));
		InOrder order = inOrder(ledger);
		order.verify(ledger).reserve(eq(org), anyString(), eq(Credits.of(3)), eq("page"), any());
		order.verify(ledger).release(org, "hold_1");
		verify(metering, never()).commit(any(), any(), any(), any());
		verify(store, never()).insert(any());
	}

}
