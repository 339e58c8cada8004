// Each test here runs real silo processes and its own PostgreSQL; run one at a time so two clusters never share the 2 cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
