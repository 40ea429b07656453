fn main() -> std::process::ExitCode {
    unres::cli::main()
}
