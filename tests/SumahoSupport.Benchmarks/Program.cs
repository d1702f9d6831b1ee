using BenchmarkDotNet.Running;
using SumahoSupport.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(ClassListBenchmarks).Assembly).Run(args);
