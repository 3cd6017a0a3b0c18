using System.Collections;
using System.Text;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Gongkai.Rendering;

/// <summary>
/// Compiles a parsed template into a tree of delegates (<see cref="CompiledTemplate"/>) that does what Scriban's
/// interpreter does for the statements and expressions themes use most: text, output, <c>if</c>/<c>else</c>,
/// <c>for … in</c> with <c>for.index</c>, <c>for.first</c>, <c>for.last</c>, assignment, variables, members, calls of the
/// theme's own functions, literals, lists and comparisons. On a large site the interpreter's walk over its syntax tree
/// was most of the template time. An expression of any other kind (a pipe, an indexer, a built-in function) and any
/// value the fast path does not expect (a missing member, a function read as a value) is handed to Scriban as it is,
/// so it behaves, and fails, exactly as before. A template with another statement (<c>while</c>, <c>capture</c>,
/// <c>case</c>, <c>break</c> …), front matter, or a <c>for</c> with options is not compiled at all (null).
/// </summary>
internal static class TemplateCompiler
{
    private const string LoopObject = "for";

    /// <summary>
    /// The page compiled, or null when it uses what this compiler leaves to Scriban; <paramref name="why"/> then says
    /// what, and where (<c>line 3: capture c</c>).
    /// </summary>
    public static CompiledTemplate? Compile(ScriptPage page, out string? why)
    {
        why = null;
        try
        {
            return page.FrontMatter is { } frontMatter ? throw new NotCompiled(frontMatter) : new CompiledTemplate(Block(page.Body));
        }
        catch (NotCompiled e)
        {
            // The node as Scriban prints it, up to its first }} or line end: the rest of a block statement is its body.
            var text = (e.Node.ToString() ?? "").Split(["}}", "\n"], 2, StringSplitOptions.None)[0].Trim();
            why = $"line {e.Node.Span.Start.Line + 1}: {(text.Length > 60 ? text[..60] + "…" : text)}";
            return null;
        }
    }

    private static Action<RenderScope> Block(ScriptBlockStatement? block)
    {
        if (block is null)
        {
            return _ => { };
        }

        var steps = block.Statements.Where(s => !s.CanSkipEvaluation).Select(s => Statement(s, block.Span)).ToArray();
        return scope =>
        {
            foreach (var step in steps)
            {
                step(scope);
            }
        };
    }

    // As ScriptBlockStatement does: a statement's value, if any, is written with the span of the block around it.
    private static Action<RenderScope> Statement(ScriptStatement statement, SourceSpan blockSpan) => statement switch
    {
        ScriptRawStatement raw => Raw(raw),
        ScriptExpressionStatement { Expression: ScriptAssignExpression assign } => Assign(assign),
        ScriptExpressionStatement output => Output(output, blockSpan),
        ScriptIfStatement branch => If(branch),
        ScriptForStatement loop => For(loop),
        _ => throw new NotCompiled(statement),
    };

    // Text goes into the page as UTF-8 encoded once, not once per page (a row of a catalogue is mostly text); it cannot
    // split a surrogate pair, as the template file it comes from is read whole.
    private static Action<RenderScope> Raw(ScriptRawStatement raw)
    {
        var text = raw.Text;
        if (text.FullText is null || text.Length == 0)
        {
            return _ => { };
        }

        var utf8 = Encoding.UTF8.GetBytes(text.ToString());
        return scope => scope.Output.WriteUtf8(utf8);
    }

    private static Action<RenderScope> Output(ScriptExpressionStatement statement, SourceSpan blockSpan)
    {
        var value = Expression(statement.Expression);
        return scope =>
        {
            var result = value(scope);
            if (result is ScriptNode)
            {
                // A delegate to evaluate (Scriban's wrap): Scriban's own business.
                result = scope.Context.Evaluate(statement);
            }

            if (result is not null)
            {
                scope.Context.Write(blockSpan, result);
            }
        };
    }

    private static Action<RenderScope> Assign(ScriptAssignExpression assign)
    {
        if (assign.Target is not ScriptVariableGlobal { Name: var name } || name == LoopObject || assign.EqualToken?.TokenType != TokenType.Equal)
        {
            throw new NotCompiled(assign);
        }

        var value = Expression(assign.Value);
        return scope =>
        {
            var result = value(scope);
            if (!scope.TrySet(name, result))
            {
                // Read-only below (a function, a value the model fixed): Scriban's error.
                scope.Context.Evaluate(assign);
            }
        };
    }

    private static Action<RenderScope> If(ScriptIfStatement branch)
    {
        var condition = Expression(branch.Condition);
        var span = branch.Condition?.Span ?? branch.Span;
        var then = Block(branch.Then);
        var otherwise = branch.Else switch
        {
            null => null,
            ScriptIfStatement elseIf => If(elseIf),
            ScriptElseStatement @else => Block(@else.Body),
            var other => throw new NotCompiled(other),
        };
        return scope =>
        {
            if (scope.Context.ToBool(span, condition(scope)))
            {
                then(scope);
            }
            else
            {
                otherwise?.Invoke(scope);
            }
        };
    }

    private static Action<RenderScope> For(ScriptForStatement loop)
    {
        if (loop is ScriptTableRowStatement || loop.NamedArguments is { Count: > 0 } || loop.Else is not null || loop.SetContinue
            || loop.Variable is not ScriptVariableGlobal { Name: var name } || name == LoopObject)
        {
            throw new NotCompiled(loop);
        }

        var items = Expression(loop.Iterator);
        var span = loop.Iterator?.Span ?? loop.Span;
        var body = Block(loop.Body);
        return scope =>
        {
            var value = items(scope);
            if (value is not IEnumerable list)
            {
                if (value is not null)
                {
                    throw new ScriptRuntimeException(span, $"Unexpected type `{value.GetType()}` for iterator");
                }

                return;
            }

            var iterator = list.GetEnumerator();
            if (!iterator.MoveNext())
            {
                return;
            }

            // The loop variable shadows any other of its name while the loop runs, and the for object is the innermost
            // loop's, also in a partial the body includes.
            var state = new LoopState(list);
            var shadowed = scope.Shadow(name);
            scope.Loops.Push(state);
            try
            {
                var current = iterator.Current;
                while (true)
                {
                    var hasNext = iterator.MoveNext();
                    state.IsLast = !hasNext;
                    scope.SetLoopVariable(name, current);
                    body(scope);
                    if (!hasNext)
                    {
                        break;
                    }

                    current = iterator.Current;
                    state.Index++;
                }
            }
            finally
            {
                scope.Loops.Pop();
                scope.Restore(name, shadowed);
            }
        };
    }

    private static Func<RenderScope, object?> Expression(ScriptExpression? expression) => expression switch
    {
        null => Constant(null),
        ScriptLiteral literal => Constant(literal.Value),
        ScriptNestedExpression nested => Expression(nested.Expression),
        ScriptVariableGlobal { Name: LoopObject } => throw new NotCompiled(expression),
        ScriptVariableGlobal variable => Variable(variable),
        ScriptMemberExpression { Target: ScriptVariableGlobal { Name: LoopObject } } member => LoopMember(member),
        ScriptMemberExpression member => Member(member),
        ScriptFunctionCall call => Call(call),
        ScriptArrayInitializerExpression array => Array(array),
        ScriptBinaryExpression binary => Binary(binary),
        _ => Interpreted(expression),
    };

    private static Func<RenderScope, object?> Constant(object? value) => _ => value;

    // A variable not found, or a function read as a value (which Scriban calls): Scriban's.
    private static Func<RenderScope, object?> Variable(ScriptVariableGlobal variable)
    {
        var name = variable.Name;
        return scope => scope.TryGet(name, out var value) && IsData(value) ? value : scope.Context.Evaluate(variable);
    }

    private static Func<RenderScope, object?> Member(ScriptMemberExpression member)
    {
        var target = Expression(member.Target);
        var name = member.Member?.Name ?? throw new NotCompiled(member);
        var span = member.Span;
        var fallback = Fallback(member);
        // The accessor of the type last seen here: one place in a template nearly always reads one type, and finding the
        // accessor by type (a dictionary of the context) was a quarter of reading a member. Every context has the same. An
        // object, so that threads rendering at once see one pair or the other, never half of each.
        TypedAccessor? last = null;
        return scope =>
        {
            var context = scope.Context;
            var of = target(scope);
            object? value = null;
            var found = of switch
            {
                null => false,
                ScriptObject map => map.TryGetValue(name, out value),
                _ => Accessor(context, of, ref last).TryGetValue(context, span, of, name, out value),
            };
            return found && IsData(value) ? value : context.Evaluate(fallback);
        };
    }

    private static IObjectAccessor Accessor(Scriban.TemplateContext context, object of, ref TypedAccessor? last)
    {
        var type = of.GetType();
        if (last is { } seen && seen.Type == type)
        {
            return seen.Accessor;
        }

        var accessor = context.GetMemberAccessor(of);
        last = new TypedAccessor(type, accessor);
        return accessor;
    }

    private sealed record TypedAccessor(Type Type, IObjectAccessor Accessor);

    // Not a function (which Scriban calls when it is read): the common cases first, as asking for an interface is slower.
    private static bool IsData(object? value) => value is null or string or ValueType || value is not IScriptCustomFunction;

    private static Func<RenderScope, object?> LoopMember(ScriptMemberExpression member)
    {
        Func<LoopState, object> read = member.Member?.Name switch
        {
            "index" => s => s.Index,
            "first" => s => s.Index == 0,
            "last" => s => s.IsLast,
            "even" => s => (s.Index & 1) == 0,
            "odd" => s => (s.Index & 1) == 1,
            "length" => s => s.Length,
            "rindex" => s => s.Length - s.Index - 1,
            _ => throw new NotCompiled(member),
        };
        return scope => scope.Loops.TryPeek(out var state) ? read(state) : scope.Context.Evaluate(member);
    }

    // The theme's own functions are called straight; anything else (a built-in, a wrong number of arguments) by Scriban.
    private static Func<RenderScope, object?> Call(ScriptFunctionCall call)
    {
        if (call.Target is not ScriptVariableGlobal { Name: var name } || call.Arguments.Any(a => a is ScriptNamedArgument))
        {
            return Interpreted(call);
        }

        var arguments = call.Arguments.Select(Expression).ToArray();
        var fallback = Fallback(call);
        return scope =>
        {
            if (!scope.TryGet(name, out var function) || function is not ScriptFunction own || own.ParameterCount != arguments.Length)
            {
                return scope.Context.Evaluate(fallback);
            }

            var values = new object?[arguments.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = arguments[i](scope);
            }

            try
            {
                return own.Call(scope.Context, call, values);
            }
            catch (Exception e) when (e is not ScriptRuntimeException)
            {
                // Scriban reports a function's failure at the call, in its words: the theme's functions have no side
                // effects, so the call is made again, by Scriban.
                return scope.Context.Evaluate(fallback);
            }
        };
    }

    private static Func<RenderScope, object?> Array(ScriptArrayInitializerExpression array)
    {
        var values = array.Values.Select(Expression).ToArray();
        return scope =>
        {
            var result = new ScriptArray(values.Length);
            foreach (var value in values)
            {
                result.Add(value(scope));
            }

            return result;
        };
    }

    // Operators that evaluate both sides go through Scriban's own arithmetic and comparison; the rest (&&, ||, ??) by Scriban.
    private static Func<RenderScope, object?> Binary(ScriptBinaryExpression binary)
    {
        if (binary.Operator is not (ScriptBinaryOperator.CompareEqual or ScriptBinaryOperator.CompareNotEqual
            or ScriptBinaryOperator.CompareLess or ScriptBinaryOperator.CompareLessOrEqual or ScriptBinaryOperator.CompareGreater
            or ScriptBinaryOperator.CompareGreaterOrEqual or ScriptBinaryOperator.Add or ScriptBinaryOperator.Subtract))
        {
            return Interpreted(binary);
        }

        var left = Expression(binary.Left);
        var right = Expression(binary.Right);
        var op = binary.Operator;
        var span = binary.OperatorToken?.Span ?? binary.Span;
        var leftSpan = binary.Left?.Span ?? span;
        var rightSpan = binary.Right?.Span ?? span;
        return scope => ScriptBinaryExpression.Evaluate(scope.Context, span, op, leftSpan, left(scope), rightSpan, right(scope));
    }

    private static Func<RenderScope, object?> Interpreted(ScriptExpression expression)
    {
        var node = Fallback(expression);
        return scope => scope.Context.Evaluate(node);
    }

    // A node Scriban evaluates where the fast path cannot: Scriban sees the same variables (they live in the page's
    // stores), but not the for object, which only compiled loops keep.
    private static ScriptNode Fallback(ScriptNode node) => ReadsLoopObject(node) ? throw new NotCompiled(node) : node;

    private static bool ReadsLoopObject(ScriptNode node)
    {
        if (node is ScriptVariable { Name: LoopObject })
        {
            return true;
        }

        for (var i = 0; i < node.ChildrenCount; i++)
        {
            if (node.GetChildren(i) is { } child && ReadsLoopObject(child))
            {
                return true;
            }
        }

        return false;
    }

    // What the compiler leaves to Scriban, found while compiling.
    private sealed class NotCompiled(ScriptNode node) : Exception
    {
        public ScriptNode Node => node;
    }
}
