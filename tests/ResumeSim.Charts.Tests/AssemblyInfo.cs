// Rendering is CPU-bound and the build machine has two shared cores; ScottPlot's font registry is
// static. Running the chart tests one at a time costs little and keeps them independent.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
