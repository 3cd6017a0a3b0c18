using Gongkai.Bench;
using Gongkai.Bench.Micro;

// Benchmark tools: a deterministic corpus generator, a measurement of what a first search query transfers, and
// micro-benchmarks of the hot page steps.
return args switch
{
    ["corpus", .. var rest] => CorpusCommand.Run(Args.Parse(rest)),
    ["search-bytes", .. var rest] => await SearchBytesCommand.RunAsync(Args.Parse(rest)),
    ["micro", .. var rest] => MicroCommand.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          dotnet run --project bench/Gongkai.Bench -- corpus --regions N --years Y --reports R --out DIR [--hugo DIR] [--seed S]
          dotnet run --project bench/Gongkai.Bench -- search-bytes --site DIR --query TEXT [--prefix /]
          dotnet run -c Release --project bench/Gongkai.Bench -- micro [BenchmarkDotNet options, e.g. --filter '*Markdown*' --job short]
        """);
    return 2;
}
