package io.callbook.loadtest.harness;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatlingReportTest {

    /** The statistics table as Gatling 3.15.1 writes it (trimmed), with a KO share and a thousands separator. */
    private static final String REPORT = """
            <th id="col-1" class="header sortable sorted-up"><span>Requests</span></th>
            <th id="col-2" class="header sortable"><span>Total</span></th>
            <th id="col-3" class="header sortable"><span>OK</span></th>
            <th id="col-4" class="header sortable"><span>KO</span></th>
            <th id="col-5" class="header sortable"><span>% KO</span></th>
            <th id="col-6" class="header sortable"><span><abbr title="Count of events per second">Cnt/s</abbr></span></th>
            <th id="col-7" class="header sortable"><span>Min</span></th>
            <th id="col-8" class="header sortable"><span>50th pct</span></th>
            <th id="col-9" class="header sortable"><span>95th pct</span></th>
            <th id="col-10" class="header sortable"><span>99th pct</span></th>
            <th id="col-11" class="header sortable"><span>99.9th pct</span></th>
            <th id="col-12" class="header sortable"><span>Max</span></th>
            <th id="col-13" class="header sortable"><span>Mean</span></th>
            <th id="col-14" class="header sortable"><span><abbr title="Standard Deviation">Std Dev</abbr></span></th>
            <tbody><tr id="ROOT" >
              <td class="total col-1"><span class="value" style="display:none;">0</span></td>
              <td class="value total col-2">60000</td>
              <td class="value ok col-3">59400</td>
              <td class="value ko col-4">600</td>
              <td class="value ko col-5">1</td>
              <td class="value total col-6">2000</td>
              <td class="value total col-7">0</td>
              <td class="value total col-8">1</td>
              <td class="value total col-9">3</td>
              <td class="value total col-10">7</td>
              <td class="value total col-11">40</td>
              <td class="value total col-12">1,489</td>
              <td class="value total col-13">2</td>
              <td class="value total col-14">5</td>
            </tr></tbody>
            <tr id="req_resolve-1" data-parent="ROOT"><td class="value total col-2">1</td></tr>
            """;

    @Test
    void readsTheAllRequestsLine() {
        ResponseStats stats = GatlingReport.parse(REPORT);
        assertEquals(new ResponseStats(60_000, 59_400, 600, 1, 3, 7, 1_489, 2), stats);
        assertEquals(1.0, stats.errorPercent(), 1e-9);
    }

    @Test
    void readsEachRequestsLineByItsName() {
        String twoRequests = REPORT.substring(0, REPORT.indexOf("<tr id=\"req_resolve-1\""))
                + request("req_call-started-ack-1", "call_started ack", "40", "0", "3", "9")
                + request("req_inbound-hook-2", "inbound hook", "20", "1", "12", "80");
        Map<String, ResponseStats> requests = GatlingReport.parseRequests(twoRequests);
        assertEquals(List.of("call_started ack", "inbound hook"), List.copyOf(requests.keySet()));
        assertEquals(new ResponseStats(40, 40, 0, 3, 3, 9, 9, 3), requests.get("call_started ack"));
        assertEquals(new ResponseStats(20, 19, 1, 12, 12, 80, 80, 12), requests.get("inbound hook"));
        assertEquals(60_000, GatlingReport.parse(twoRequests).total(), "the All Requests line stays apart");
    }

    /** A request's line as Gatling 3.15.1 writes it (trimmed); p50, p95 and mean alike, p99 and max alike. */
    private static String request(String id, String name, String total, String ko, String p50, String p99) {
        return "<tbody><tr id=\"" + id + "\" data-parent=\"ROOT\">\n"
                + "  <td class=\"total col-1\"><span id=\"stats-table-" + id + "\" class=\"ellipsed-name\">" + name
                + "</span></td>\n"
                + "  <td class=\"value total col-2\">" + total + "</td>\n"
                + "  <td class=\"value ok col-3\">" + (Integer.parseInt(total) - Integer.parseInt(ko)) + "</td>\n"
                + "  <td class=\"value ko col-4\">" + ko + "</td>\n"
                + "  <td class=\"value total col-8\">" + p50 + "</td>\n"
                + "  <td class=\"value total col-9\">" + p50 + "</td>\n"
                + "  <td class=\"value total col-10\">" + p99 + "</td>\n"
                + "  <td class=\"value total col-12\">" + p99 + "</td>\n"
                + "  <td class=\"value total col-13\">" + p50 + "</td>\n"
                + "</tr></tbody>\n";
    }

    @Test
    void listsTheErrorsMostFrequentFirst() {
        String errors = """
                <tr>
                    <td class="error-col-1 total ko">Request timeout to 127.0.0.1/127.0.0.1:8081 after 10000 ms<span class="value" style="display:none">0</span></td>
                    <td class="value error-col-2 total ko">12325</td>
                    <td class="value error-col-3 total ko">93.02%</td>
                </tr>
                <tr>
                    <td class="error-col-1 total ko">status.find.is(200), but actually found 404<span class="value" style="display:none">1</span></td>
                    <td class="value error-col-2 total ko">925</td>
                </tr>
                """;
        assertEquals(List.of("12325 × Request timeout to 127.0.0.1/127.0.0.1:8081 after 10000 ms",
                "925 × status.find.is(200), but actually found 404"), GatlingReport.parseErrors(errors));
    }

    @Test
    void saysWhichColumnIsMissing() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> GatlingReport.parse(REPORT.replace("99th pct", "98th pct")));
        assertTrue(missing.getMessage().contains("99th pct"), missing.getMessage());
    }
}
