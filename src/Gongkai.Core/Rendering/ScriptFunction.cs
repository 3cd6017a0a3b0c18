using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Gongkai.Rendering;

/// <summary>
/// A template function that calls a typed delegate directly. Scriban's own delegate wrappers call through
/// <c>Delegate.DynamicInvoke</c>, which on 10,000 pages cost seconds in reflection and in finalizing the invokers it builds.
/// </summary>
public sealed class ScriptFunction : IScriptCustomFunction
{
    // Made once: Scriban asks for a parameter's info at every call, and a new name each time was a string per argument.
    private readonly ScriptParameterInfo[] _parameters;
    private readonly Func<TemplateContext, ScriptNode?, IList<object?>, object?> _call;

    private ScriptFunction(Type[] parameters, Type returnType, Func<TemplateContext, ScriptNode?, IList<object?>, object?> call)
    {
        _parameters = [.. parameters.Select((type, index) => new ScriptParameterInfo(type, $"arg{index}"))];
        ReturnType = returnType;
        _call = call;
    }

    /// <summary>A function of one argument.</summary>
    public static ScriptFunction Of<T, TResult>(Func<T, TResult> function) =>
        new([typeof(T)], typeof(TResult), (context, at, args) => function(Arg<T>(context, at, args, 0)));

    /// <summary>A function of two arguments.</summary>
    public static ScriptFunction Of<T1, T2, TResult>(Func<T1, T2, TResult> function) =>
        new([typeof(T1), typeof(T2)], typeof(TResult), (context, at, args) => function(Arg<T1>(context, at, args, 0), Arg<T2>(context, at, args, 1)));

    /// <inheritdoc />
    public int RequiredParameterCount => _parameters.Length;

    /// <inheritdoc />
    public int ParameterCount => _parameters.Length;

    /// <inheritdoc />
    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    /// <inheritdoc />
    public Type ReturnType { get; }

    /// <inheritdoc />
    public ScriptParameterInfo GetParameterInfo(int index) => _parameters[index];

    /// <inheritdoc />
    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (arguments.Count != _parameters.Length)
        {
            throw new ScriptRuntimeException(callerContext?.Span ?? default, $"the function takes {_parameters.Length} argument(s), not {arguments.Count}");
        }

        return _call(context, callerContext, arguments);
    }

    /// <summary>Calls the function with its arguments evaluated already, as a compiled template does (<see cref="TemplateCompiler"/>).</summary>
    internal object? Call(TemplateContext context, ScriptNode? callerContext, IList<object?> arguments) => _call(context, callerContext, arguments);

    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new(Invoke(context, callerContext, arguments, blockStatement));

    private static T Arg<T>(TemplateContext context, ScriptNode? at, IList<object?> args, int index) =>
        context.ToObject<T>(at?.Span ?? default, args[index])!;
}
