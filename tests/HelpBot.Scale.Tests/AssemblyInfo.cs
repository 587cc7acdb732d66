// Each test class runs its own redis-server and HelpBot processes; running classes one after another keeps the load
// on small CI machines reasonable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
