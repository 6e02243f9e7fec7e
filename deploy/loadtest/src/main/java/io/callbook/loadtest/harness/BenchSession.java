package io.callbook.loadtest.harness;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What every bench does before its scenarios and around them: prints the header, makes sure the services it talks to
 * answer (starting the local suite when it may, stopping it on {@link #close()}), makes the platform-admin token, sets
 * up the measured Gatling runs, and at the end reports what was measured even when a run failed half-way.
 */
public final class BenchSession implements AutoCloseable {

    /** Where benches keep what later runs re-use (seed data, slots booked) and, per run, their reports. */
    public static final String BENCH_DIR = "deploy/loadtest/target/bench";

    private final CommonOptions common;
    private final Path repoRoot;
    private final PrintStream out;
    private final BenchReport report;
    private final LocalSuiteLauncher suite;

    private BenchSession(CommonOptions common, Path repoRoot, PrintStream out, BenchReport report,
                         LocalSuiteLauncher suite) {
        this.common = common;
        this.repoRoot = repoRoot;
        this.out = out;
        this.report = report;
        this.suite = suite;
    }

    /**
     * @param target   the bench's name, e.g. "booking"
     * @param services the services the bench talks to, all of which must be ready; none: the bench needs no suite
     */
    public static BenchSession start(String target, BenchOptions options, List<? extends ApiClient> services,
                                     Path repoRoot, PrintStream out) {
        CommonOptions common = options.common();
        BenchReport report = new BenchReport(repoRoot, common, out);
        report.printHeader(target);
        LocalSuiteLauncher suite = services.isEmpty() ? null : LocalSuiteLauncher.ensureRunning(repoRoot, services,
                options.targetsLocalSuite(), common.startTimeout(), common.resultsDir().resolve("local-suite.log"), out);
        return new BenchSession(common, repoRoot, out, report, suite);
    }

    public BenchReport report() {
        return report;
    }

    /** The platform-admin token the bench acts with: --token, CALLBOOK_TOKEN, else one made from the suite's key. */
    public String adminToken(ResolverClient resolver) {
        return AdminToken.obtain(resolver, common.token(), AdminToken.bootstrapKey(repoRoot, common.token()), out);
    }

    /** The folder of what benches keep between runs, see {@link #BENCH_DIR}. */
    public Path benchDir() {
        return repoRoot.resolve(BENCH_DIR);
    }

    public GatlingRunner gatling() {
        return new GatlingRunner(common.resultsDir());
    }

    /** Runs that measure the service under test at --url, and beside it whatever else of the suite runs. */
    public MeasuredRuns measuredRuns(SuiteService service) {
        return MeasuredRuns.of(gatling(), service.module(), common.port(), repoRoot, out);
    }

    /**
     * Runs the bench's scenarios and summary; when a run fails after others were measured, prints those (not to
     * docs/benchmarks.md) and fails the bench instead of losing them.
     *
     * @param service       names the CPU and RSS columns of the partial table, e.g. "booking"
     * @param measuredSoFar the rows measured until then
     */
    public int keepingPartialResults(String service, Supplier<List<RunResult>> measuredSoFar, IntSupplier bench) {
        try {
            return bench.getAsInt();
        } catch (RuntimeException e) {
            List<RunResult> results = measuredSoFar.get();
            if (results.isEmpty()) {
                throw e;
            }
            report.printPartial(e.getMessage(), results, service);
            return ExitStatus.FAILED;
        }
    }

    @Override
    public void close() {
        if (suite != null) {
            suite.close();
        }
    }
}
