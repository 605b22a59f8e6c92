from jdclass.cli import main

main()
