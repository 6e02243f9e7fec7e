package io.callbook.loadtest.resolve;

/**
 * How much directory data a load test needs: companies × branches × numbers, all Berlin numbers
 * ({@code +4930 5xxxxxx}), numbered so that the same plan always yields the same numbers and a re-run can re-use them.
 */
public record SeedPlan(int companies, int branchesPerCompany, int numbersPerBranch) {

    /** 20 companies × 2 branches × 100 numbers: the size of a busy region. */
    public static final SeedPlan BENCH = new SeedPlan(20, 2, 100);

    // Berlin subscriber numbers have 7 digits from 2000000; 5000000+ stays clear of the demo tenant's numbers.
    private static final int FIRST_SUBSCRIBER = 5_000_000;
    private static final int LAST_SUBSCRIBER = 8_999_999;

    public SeedPlan {
        if (companies < 1 || branchesPerCompany < 1 || numbersPerBranch < 1) {
            throw new IllegalArgumentException("A seed plan needs at least one company, branch and number: " + this);
        }
        if ((long) companies * branchesPerCompany * numbersPerBranch > LAST_SUBSCRIBER - FIRST_SUBSCRIBER + 1) {
            throw new IllegalArgumentException("Too many numbers for the Berlin block: " + this);
        }
    }

    public int totalNumbers() {
        return companies * branchesPerCompany * numbersPerBranch;
    }

    /** @param company 0-based, like branch and number */
    public String e164(int company, int branch, int number) {
        return "+4930" + subscriber(company, branch, number);
    }

    /** The same number as a person in Germany writes it, read with region DE. */
    public String national(int company, int branch, int number) {
        return "030 " + subscriber(company, branch, number);
    }

    public String companyName(int company) {
        return String.format("Loadtest %02d", company + 1);
    }

    public String branchName(int branch) {
        return "Branch " + (branch + 1);
    }

    private int subscriber(int company, int branch, int number) {
        return FIRST_SUBSCRIBER + (company * branchesPerCompany + branch) * numbersPerBranch + number;
    }
}
